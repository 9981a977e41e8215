import { forwardCalledDirectly } from '../../../server/src/detectors/mld907-forward-called-directly';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/** A speaker-embedding model whose embedding method calls four layers around their `__call__`. */
const X_VECTOR = py`
        import torch.nn as nn

        class XVector(nn.Module):
            def __init__(self):
                super().__init__()
                self.frames = nn.Sequential(nn.Conv1d(24, 512, 5), nn.ReLU())
                self.segment6 = nn.Linear(1024, 512)
                self.segment7 = nn.Linear(512, 512)

            def embed(self, x, layer):
                out = self.frames.forward(x)
                if layer == 6:
                    return self.segment6.forward(out)
                return self.segment7.forward(self.segment6.forward(out).relu())

            def forward(self, x):
                return self.segment7.forward(self.frames(x))
`;

/** A ResNeXt for CIFAR whose stages are built by a method of the class that fills and returns an `nn.Sequential`. */
const RESNEXT = py`
        import torch.nn as nn
        import torch.nn.functional as F

        class CifarResNeXt(nn.Module):
            def __init__(self, depth):
                super().__init__()
                self.depth = depth
                self.conv_1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
                self.bn_1 = nn.BatchNorm2d(64)
                self.stage_1 = self.block("stage_1", 64, 256, 1)
                self.stage_2 = self.block("stage_2", 256, 512, 2)

            def block(self, name, cin, cout, stride=2):
                block = nn.Sequential()
                for i in range(self.depth):
                    block.add_module("%s_%d" % (name, i), nn.Conv2d(cin if i == 0 else cout, cout, 3, stride if i == 0 else 1, 1))
                return block

            def forward(self, x):
                x = self.conv_1.forward(x)
                x = F.relu(self.bn_1.forward(x))
                x = self.stage_1.forward(x)
                return self.stage_2.forward(x)
`;

/** A VGG whose features come from a module-level builder, and a shortcut from a method returning a module on every path. */
const VGG = py`
        import torch.nn as nn

        def make_layers(cfg):
            layers = []
            for v in cfg:
                layers += [nn.Conv2d(3, v, 3), nn.ReLU(inplace=True)]
            return nn.Sequential(*layers)

        class VGG(nn.Module):
            def __init__(self, cfg):
                super().__init__()
                self.features = make_layers(cfg)
                self.shortcut = self._shortcut(64, 128)

            def _shortcut(self, cin, cout):
                if cin == cout:
                    return nn.Identity()
                return nn.Conv2d(cin, cout, 1)

            def forward(self, x):
                return self.shortcut.forward(self.features.forward(x))
`;

ruleTests(forwardCalledDirectly, {
  valid: [
    {
      name: 'super().forward and self.forward inside the module',
      code: py`
        import torch.nn as nn
        class Block(nn.Linear):
            def forward(self, x):
                return super().forward(x) + super(Block, self).forward(x)
            def predict(self, x):
                return self.forward(x).argmax(-1)
      `,
    },
    {
      name: 'forward on objects the file does not show to be torch modules',
      code: py`
        import torch
        from mylib import build_model
        model = build_model()
        out = model.forward(x)
        class Pipeline:
            def forward(self, x):
                return x
        p = Pipeline()
        p.forward(1)
      `,
    },
    {
      name: 'model.forward passed without a call, and a file without torch',
      code: py`
        import torch
        import torch.nn as nn
        net = nn.Linear(4, 2)
        traced = torch.jit.trace(net.forward, example)
      `,
    },
    {
      name: 'an explicit base-class call',
      code: py`
        import torch.nn as nn
        class Wrapped(nn.Sequential):
            def forward(self, x):
                return nn.Sequential.forward(self, x)
      `,
    },
    {
      name: 'a helper that may hand back something other than a module, a generator, or another object\'s method',
      code: py`
        import torch.nn as nn
        from mylib import make_head

        def make_shortcut(cin, cout):
            if cin == cout:
                return None
            return nn.Conv2d(cin, cout, 1)

        def make_blocks(n):
            for _ in range(n):
                yield nn.Linear(8, 8)

        def make_classifier(n):
            return make_head(n)

        class Net(nn.Module):
            def __init__(self, builder):
                super().__init__()
                self.shortcut = make_shortcut(16, 32)
                self.blocks = make_blocks(3)
                self.head = make_classifier(10)
                self.stem = builder.block(3, 16)

            def forward(self, x):
                x = self.stem.forward(x)
                x = self.shortcut.forward(x)
                return self.head.forward(x)
      `,
    },
    {
      name: 'a layer-building method called on an object other than self',
      code: py`
        import torch.nn as nn
        class Builder:
            def block(self, cin, cout):
                return nn.Sequential(nn.Conv2d(cin, cout, 3), nn.ReLU())
        class Other:
            def run(self, builder, x):
                stage = builder.block(3, 16)
                return stage.forward(x)
      `,
    },
  ],
  invalid: [
    {
      name: 'a submodule built in __init__, called through self',
      code: py`
        import torch.nn as nn
        class Classifier(nn.Module):
            def __init__(self):
                super().__init__()
                self.encoder = nn.Sequential(nn.Linear(32, 16), nn.ReLU())
            def forward(self, x):
                return self.encoder.forward(x)
      `,
      findings: [{ line: 7, column: 16, message: /`self\.encoder\.forward\(\.\.\.\)` skips the module's `__call__`.*call `self\.encoder\(x\)`/ }],
      safety: 'unsafe',
      output: py`
        import torch.nn as nn
        class Classifier(nn.Module):
            def __init__(self):
                super().__init__()
                self.encoder = nn.Sequential(nn.Linear(32, 16), nn.ReLU())
            def forward(self, x):
                return self.encoder(x)
      `,
    },
    {
      name: 'a local class through an alias import, moved to a device, in notebook cells',
      code: [
        'from torch import nn\nclass Net(nn.Module):\n    def forward(self, x):\n        return x\n',
        'model = Net().to("cuda")\nout = model.forward(batch)\n',
      ],
      findings: [{ cell: 1, line: 2, column: 7 }],
      output: [
        'from torch import nn\nclass Net(nn.Module):\n    def forward(self, x):\n        return x\n',
        'model = Net().to("cuda")\nout = model(batch)\n',
      ],
    },
    {
      name: 'the direct calls of one method are one finding, whose fix calls every module; another method is its own',
      code: X_VECTOR,
      findings: [{ line: 11, related: 3, message: /as do 3 other direct `\.forward` calls in this function, linked/ }, { line: 17, related: 0 }],
      fixIndex: 0,
      // The embedding method calls its layers; the other method's direct call is left as it was.
      output: X_VECTOR.replace(/def embed[\s\S]*?(?=def forward)/, (embed) => embed.replaceAll('.forward(', '(')),
    },
    {
      name: 'stages built and returned by a method of the class, called on self (ResNeXt shape)',
      code: RESNEXT,
      findings: [{ line: 20, related: 3, message: /as do 3 other direct `\.forward` calls in this function, linked/ }],
      fixIndex: 0,
      // Every stage is called, the two the class's own method builds too.
      output: RESNEXT.replace(/def forward[\s\S]*/, (forward) => forward.replaceAll('.forward(', '(')),
    },
    {
      name: 'layers from a module-level builder (VGG make_layers) and from a method with a module on every return',
      code: VGG,
      findings: [{ line: 21, related: 1 }],
      fixIndex: 0,
      output: VGG.replace('self.shortcut.forward(self.features.forward(x))', 'self.shortcut(self.features(x))'),
    },
    {
      name: 'library models: torchvision, transformers, and a parameter annotated nn.Module',
      code: py`
        import torch.nn as nn
        import torchvision
        from transformers import AutoModel
        backbone = torchvision.models.resnet18(weights=None)
        feats = backbone.forward(images)
        bert = AutoModel.from_pretrained("bert-base-uncased", revision="abc123")
        hidden = bert.forward(input_ids=ids)
        def run(m: nn.Module, x):
            return m.forward(x)
      `,
      findings: [{ line: 5, related: 1, message: /as does 1 other direct `\.forward` call at the top level, linked/ }, { line: 9 }],
      fixIndex: 0,
      output: py`
        import torch.nn as nn
        import torchvision
        from transformers import AutoModel
        backbone = torchvision.models.resnet18(weights=None)
        feats = backbone(images)
        bert = AutoModel.from_pretrained("bert-base-uncased", revision="abc123")
        hidden = bert(input_ids=ids)
        def run(m: nn.Module, x):
            return m.forward(x)
      `,
    },
  ],
});
