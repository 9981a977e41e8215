import { unseededRandomness } from '../../../server/src/detectors/mld801-unseeded-randomness';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(unseededRandomness, {
  valid: [
    {
      name: 'numpy seeded after the import',
      code: py`
        import numpy as np
        np.random.seed(0)
        noise = np.random.normal(0, 1, 100)
      `,
    },
    {
      name: 'draws that pass their own op-level seed or generator',
      code: py`
        import tensorflow as tf
        import torch
        jitter = tf.random.uniform([8], minval=-0.1, maxval=0.1, seed=11)
        g = torch.Generator().manual_seed(3)
        init = torch.randn(4, 4, generator=g)
      `,
    },
    {
      name: 'draws from an explicit seeded generator',
      code: py`
        import numpy as np
        rng = np.random.default_rng(7)
        idx = rng.permutation(10)
        x = rng.normal(size=3)
      `,
    },
    {
      name: 'seeded through the project\'s own helper',
      code: py`
        import random
        import numpy as np
        from utils import set_seed
        set_seed(42)
        random.shuffle(items)
        np.random.rand(3)
      `,
    },
    {
      name: 'seeded through transformers.set_seed and lightning',
      code: py`
        import torch, random
        from transformers import set_seed
        set_seed(1)
        x = torch.randn(4, 4)
        random.choice(labels)
      `,
    },
    {
      name: 'library module: draws inside functions, no top-level work',
      code: py`
        import numpy as np

        def augment(batch):
            return batch + np.random.normal(0, 0.1, batch.shape)
      `,
    },
    {
      name: 'a local object called random is not the module',
      code: py`
        class Sampler:
            def choice(self, x):
                return x[0]
        random = Sampler()
        random.choice([1, 2])
      `,
    },
    {
      name: 'keras set_random_seed seeds numpy, random and tensorflow',
      code: py`
        import numpy as np
        import tensorflow as tf
        tf.keras.utils.set_random_seed(3)
        w = tf.random.normal((3, 3))
        x = np.random.rand(2)
      `,
    },
    {
      name: 'an unseeded generator or drawn seed only as the fallback when the caller passed none',
      code: py`
        import random
        import numpy as np

        def sample_configs(space, n, rng=None):
            if rng is None:
                if USE_ENV_SEED:
                    rng = np.random.default_rng(ENV_SEED)
                else:
                    rng = np.random.default_rng()
            return [space.draw(rng) for _ in range(n)]

        args = parse_args()
        args.seed = args.seed or random.randint(0, 2**31 - 1)
        if args.seed is None:
            args.seed = random.randrange(10_000)
        configs = sample_configs(SPACE, 20, np.random.default_rng(args.seed))
      `,
    },
    {
      name: 'dummy inputs that only give a shape to export, tracing and profiling',
      code: py`
        import torch
        from fvcore.nn import FlopCountAnalysis
        from torch.utils.tensorboard import SummaryWriter
        torch.onnx.export(net, torch.randn(1, 3, 224, 224), "net.onnx")
        example = torch.rand(1, 3, 64, 64).to(device)
        traced = torch.jit.trace(net, example)
        flops = FlopCountAnalysis(net, inputs=(torch.randn(1, 784).to(device),)).total()
        SummaryWriter("runs").add_graph(net, torch.rand(1, 784))
      `,
    },
  ],
  invalid: [
    {
      name: 'a random tensor traced and also fed to the model is real data',
      code: py`
        import torch
        probe = torch.randn(8, 16)
        traced = torch.jit.trace(net, probe)
        loss = criterion(net(probe), target)
      `,
      findings: [{ line: 2, column: 9, message: /^\`torch\.randn\` draws from PyTorch's global random generator/ }],
      output: py`
        import torch
        torch.manual_seed(42)
        probe = torch.randn(8, 16)
        traced = torch.jit.trace(net, probe)
        loss = criterion(net(probe), target)
      `,
    },
    {
      name: 'numpy draw; the fix seeds after the import with the seed constant',
      code: py`
        import numpy as np
        SEED = 1
        x = np.random.rand(3)
      `,
      findings: [{ line: 3, column: 5, message: /NumPy's global random generator.*never seeds/ }],
      safety: 'unsafe',
      output: py`
        import numpy as np
        np.random.seed(42)
        SEED = 1
        x = np.random.rand(3)
      `,
    },
    {
      name: 'seed constant defined before the import is reused',
      code: py`
        SEED = 3
        import numpy as np
        x = np.random.permutation(10)
        y = np.random.choice(x, 3)
      `,
      findings: [{ line: 3 }, { line: 4 }],
      output: py`
        SEED = 3
        import numpy as np
        np.random.seed(SEED)
        x = np.random.permutation(10)
        y = np.random.choice(x, 3)
      `,
    },
    {
      name: 'from-import of a draw function and python random',
      code: py`
        import random
        from numpy.random import randn
        random.shuffle(data)
        z = randn(5)
      `,
      findings: [{ line: 3, message: /the `random` module's global random generator/ }, { line: 4, message: /NumPy's/ }],
      output: py`
        import random
        random.seed(42)
        from numpy.random import randn
        random.shuffle(data)
        z = randn(5)
      `,
    },
    {
      name: 'numpy draw without a module alias offers no fix',
      code: py`
        from numpy.random import randn
        z = randn(5)
      `,
      findings: [{ line: 2 }],
      noFix: true,
    },
    {
      name: 'torch and default_rng() without a seed',
      code: py`
        import torch
        import numpy as np
        w = torch.randn(3, 3)
        rng = np.random.default_rng()
      `,
      findings: [{ line: 3, message: /PyTorch/ }, { line: 4, message: /default_rng\(\)` without a seed/ }],
      fixIndex: 1,
      output: py`
        import torch
        import numpy as np
        w = torch.randn(3, 3)
        rng = np.random.default_rng(42)
      `,
    },
    {
      name: 'notebook: the seeding line goes into the import cell',
      code: ['import numpy as np\n', 'X = np.random.randn(100, 2)\n'],
      findings: [{ cell: 1, line: 1 }],
      output: ['import numpy as np\nnp.random.seed(42)\n', 'X = np.random.randn(100, 2)\n'],
    },
    {
      name: 'script with top-level work: draws inside functions count',
      code: py`
        import numpy as np

        def sample():
            return np.random.uniform(0, 1)

        print(sample())
      `,
      findings: [{ line: 4 }],
    },
  ],
});
