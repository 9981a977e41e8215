import { missingZeroGrad } from '../../../server/src/detectors/mld905-missing-zero-grad';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/** A loop that trains a reference model with its own optimizer (unknown to the rule) beside a torch one, neither cleared. */
const REFERENCE_CHECK = py`
  import torch
  from mylab.reference import ReferenceSGD
  ref_opt = ReferenceSGD(ref_net.parameters(), lr=0.1)
  opt = torch.optim.SGD(net.parameters(), lr=0.1)
  for x, y in batches:
      ref_loss = loss_fn(ref_net(x), y)
      ref_loss.backward()
      ref_opt.step()
      loss = loss_fn(net(x), y)
      loss.backward()
      opt.step()
`;

/** Losses that start at a constant and then hold a tensor: summed over the batches, or set on one branch. */
const ACCUMULATED_LOSS = py`
  import torch
  opt = torch.optim.SGD(net.parameters(), lr=0.1)
  for epoch in range(10):
      loss = 0
      for x, y in loader:
          loss += loss_fn(net(x), y)
      loss.backward()
      opt.step()
  for x, y in loader:
      loss = 0.0
      if y is not None:
          loss = loss_fn(net(x), y)
      loss.backward()
      opt.step()
`;

ruleTests(missingZeroGrad, {
  valid: [
    {
      name: 'zero_grad on the optimizer or the model, set_to_none, after the step',
      code: py`
        import torch
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        for x, y in loader:
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            opt.zero_grad(set_to_none=True)
        for x, y in loader:
            model.zero_grad()
            loss_fn(model(x), y).backward()
            opt.step()
      `,
    },
    {
      name: 'gradient accumulation that clears every N steps, and p.grad = None',
      code: py`
        import torch
        from torch import optim
        optimizer = optim.SGD(net.parameters(), lr=0.1)
        for i, (x, y) in enumerate(loader):
            (loss_fn(net(x), y) / 4).backward()
            if (i + 1) % 4 == 0:
                optimizer.step()
                optimizer.zero_grad()
        for x, y in loader:
            for p in net.parameters():
                p.grad = None
            loss_fn(net(x), y).backward()
            optimizer.step()
      `,
    },
    {
      name: 'a full-batch step after the loop, an LBFGS closure, and a scheduler step',
      code: py`
        import torch
        optimizer = torch.optim.LBFGS(net.parameters())
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 10)
        optimizer.zero_grad()
        for x, y in loader:
            loss_fn(net(x), y).backward()
        optimizer.step()
        for epoch in range(5):
            def closure():
                optimizer.zero_grad()
                loss = loss_fn(net(X), Y)
                loss.backward()
                return loss
            optimizer.step(closure)
            scheduler.step()
      `,
    },
    {
      name: 'a parameter that one call fills with an optimizer of unknown origin',
      code: py`
        import torch
        def fit(net, opt):
            for x, y in loader:
                loss_fn(net(x), y).backward()
                opt.step()
        fit(model, torch.optim.SGD(model.parameters(), lr=0.1))
        fit(model, build_optimizer(model))
      `,
    },
    {
      name: 'an optimizer of unknown origin, and a helper of the file that clears',
      code: py`
        import torch
        opt = make_optimizer(model)
        for x, y in loader:
            loss_fn(model(x), y).backward()
            opt.step()
        sgd = torch.optim.SGD(model.parameters(), lr=0.1)
        def reset():
            sgd.zero_grad()
        for x, y in loader:
            reset()
            loss_fn(model(x), y).backward()
            sgd.step()
      `,
    },
    {
      name: 'a name that holds a torch optimizer on one path and one of unknown origin on the other',
      code: py`
        import torch
        if resume:
            opt = restore_optimizer("ckpt")
        else:
            opt = torch.optim.SGD(model.parameters(), lr=0.1)
        for x, y in loader:
            loss_fn(model(x), y).backward()
            opt.step()
      `,
    },
    {
      name: 'an exercise whose loss slot is still empty: the name holds only a number or None',
      code: py`
        import torch
        def train(model, loader, optimizer, loss_fn):
            model.train()
            loss = 0
            for batch in loader:
                ############# Your code here ############
                # 1. zero the gradients  2. compute the loss
                #########################################
                loss.backward()
                optimizer.step()
            return loss.item()
        train(net, loader, torch.optim.Adam(net.parameters()), loss_fn)
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        for x, y in loader:
            loss = None  # TODO: the loss of net(x) against y
            loss.backward()
            opt.step()
      `,
    },
    {
      name: 'a placeholder tensor passed to torch.autograd.backward, in notebook cells',
      code: [
        'import torch\nopt = torch.optim.Adam(model.parameters())\n',
        'for epoch in range(10):\n    total_loss = 0.0\n    # YOUR CODE HERE: add each batch loss to total_loss\n    torch.autograd.backward(total_loss)\n    opt.step()\n',
      ],
    },
  ],
  invalid: [
    {
      name: 'a plain loop: insert optimizer.zero_grad() before the backward pass',
      code: py`
        import torch
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        for x, y in loader:
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
      `,
      findings: [{ line: 5, column: 5, message: /`loss\.backward\(\)` adds to the gradients of the previous iteration: this loop calls `optimizer\.step\(\)` but never `optimizer\.zero_grad\(\)`/, related: 1 }],
      safety: 'unsafe',
      output: py`
        import torch
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        for x, y in loader:
            loss = loss_fn(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
      `,
    },
    {
      name: 'zero_grad in the outer loop only, a self.optimizer in a trainer class',
      code: py`
        import torch.optim as optim
        class Trainer:
            def __init__(self, model):
                self.model = model
                self.optimizer = optim.AdamW(model.parameters())
            def fit(self, loader, epochs):
                for epoch in range(epochs):
                    self.optimizer.zero_grad()
                    for x, y in loader:
                        out = self.model(x)
                        if out is not None:
                            self.loss(out, y).backward()
                        self.optimizer.step()
      `,
      findings: [{ line: 12, column: 21 }],
      output: py`
        import torch.optim as optim
        class Trainer:
            def __init__(self, model):
                self.model = model
                self.optimizer = optim.AdamW(model.parameters())
            def fit(self, loader, epochs):
                for epoch in range(epochs):
                    self.optimizer.zero_grad()
                    for x, y in loader:
                        out = self.model(x)
                        if out is not None:
                            self.optimizer.zero_grad()
                            self.loss(out, y).backward()
                        self.optimizer.step()
      `,
    },
    {
      name: 'mixed precision with a GradScaler, in notebook cells',
      code: [
        'import torch\nscaler = torch.cuda.amp.GradScaler()\nopt = torch.optim.Adam(net.parameters())\n',
        'while step < total:\n    with torch.autocast("cuda"):\n        loss = net(batch)\n    scaler.scale(loss).backward()\n    scaler.step(opt)\n    scaler.update()\n    step += 1\n',
      ],
      findings: [{ cell: 1, line: 4, column: 5 }],
      output: [
        'import torch\nscaler = torch.cuda.amp.GradScaler()\nopt = torch.optim.Adam(net.parameters())\n',
        'while step < total:\n    with torch.autocast("cuda"):\n        loss = net(batch)\n    opt.zero_grad()\n    scaler.scale(loss).backward()\n    scaler.step(opt)\n    scaler.update()\n    step += 1\n',
      ],
    },
    {
      name: 'a training function whose optimizer parameter gets a torch optimizer at every call',
      code: py`
        import torch
        from torch import optim
        def train_model(model, dataloader, optimizer, criterion):
            model.train()
            for inputs, labels in dataloader:
                loss = criterion(model(inputs), labels)
                loss.backward()
                optimizer.step()
        optimizer = optim.AdamW(model.parameters(), lr=2e-5)
        for epoch in range(3):
            train_model(model, train_loader, optimizer=optimizer, criterion=nn.BCELoss())
      `,
      findings: [{ line: 7, column: 9 }],
      output: py`
        import torch
        from torch import optim
        def train_model(model, dataloader, optimizer, criterion):
            model.train()
            for inputs, labels in dataloader:
                loss = criterion(model(inputs), labels)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
        optimizer = optim.AdamW(model.parameters(), lr=2e-5)
        for epoch in range(3):
            train_model(model, train_loader, optimizer=optimizer, criterion=nn.BCELoss())
      `,
    },
    {
      name: 'a loop that checks a torch optimizer against a reference one is reported at the backward pass the torch step applies',
      code: REFERENCE_CHECK,
      findings: [{ line: 10, column: 5, message: /^`loss\.backward\(\)` adds to the gradients of the previous iteration: this loop calls `opt\.step\(\)` but never `opt\.zero_grad\(\)`/, related: 1 }],
      output: REFERENCE_CHECK.replace('\n    loss.backward()', '\n    opt.zero_grad()\n    loss.backward()'),
    },
    {
      name: 'a one-line loop body is reported without a fix',
      code: py`
        import torch
        opt = torch.optim.SGD(w, lr=0.1)
        for x in data: loss_fn(x).backward(); opt.step()
      `,
      findings: [{ line: 3 }],
      noFix: true,
    },
    {
      name: 'a loss that starts at 0 and has batch losses added to it is still reported',
      code: ACCUMULATED_LOSS,
      findings: [{ line: 7, column: 5 }, { line: 13, column: 5 }],
      output: ACCUMULATED_LOSS.replace('\n    loss.backward()', '\n    opt.zero_grad()\n    loss.backward()'),
    },
  ],
});
