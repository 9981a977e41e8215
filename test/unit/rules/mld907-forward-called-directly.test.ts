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
      findings: [{ line: 5, related: 1, message: /as do 1 other direct `\.forward` call at the top level, linked/ }, { line: 9 }],
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
