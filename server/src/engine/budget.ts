// A time budget per document per analysis. Rules run synchronously on the server's one thread,
// so a rule that turns quadratic on a large file would hold every request. The budget is
// cooperative: the clock is read between rules and on the rules' calls into the semantic model
// (the index and its data flow), where a rule's loops spend their time. One rule may use at most
// a quarter of the budget, so one runaway rule does not starve the others: it is stopped by an
// exception (or, between the events of the traversal, by the analysis), its partial findings are
// dropped, and the result names it. Once the whole budget is
// spent, the rules not yet started do not run, and the result lists them.
//
// Why not a worker thread with a hard deadline: the parse trees and the semantic index live in
// one WebAssembly instance and cannot cross threads, so a worker would need its own parser and
// its own copy of every open document (twice the memory the server is allowed), and the
// incremental parse state would have to move there too. Checking the clock on model calls costs
// one counter increment per call and a clock read every 64 calls.

export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`the analysis time budget of ${budgetMs} ms ran out`);
  }
}

/** The share of the whole budget one rule may use. */
const RULE_SHARE = 0.25;

export class Budget {
  private readonly deadline: number;
  private ruleDeadline: number;
  private calls = 0;
  /** The budgeted views of model objects made under this budget. */
  readonly views = new WeakMap<object, object>();

  constructor(readonly budgetMs: number) {
    this.deadline = performance.now() + budgetMs;
    this.ruleDeadline = this.deadline;
  }

  /** Whether the whole budget is spent. */
  expired(): boolean {
    return performance.now() > this.deadline;
  }

  /**
   * Starts (or resumes, at `now`) the clock of one rule's share, of which it has spent `spentMs`:
   * the rules that subscribe run interleaved in one traversal, each charged its own time. False
   * when the share, or the whole budget, is already spent.
   */
  startRule(spentMs = 0, now = performance.now()): boolean {
    this.ruleDeadline = Math.min(this.deadline, now + this.budgetMs * RULE_SHARE - spentMs);
    return now < this.ruleDeadline;
  }

  /** Whether, at `now`, the rule last started has spent its share (or the whole budget is spent). */
  ruleOver(now: number): boolean {
    return now >= this.ruleDeadline;
  }

  /** Throws BudgetExceeded once the rule's share is spent; cheap enough to call in hot loops. */
  check(): void {
    if ((++this.calls & 63) === 0 && performance.now() > this.ruleDeadline) throw new BudgetExceeded(this.budgetMs);
  }
}

/** What an analysis stopped by its budget did not do. */
export interface BudgetStop {
  budgetMs: number;
  /** Rules stopped after using their share of the budget. */
  stoppedRules: string[];
  /** Rules that did not start. */
  notRun: string[];
}

function isModelObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto !== null && proto !== Object.prototype && !(value instanceof Map) && !(value instanceof Set) && typeof proto.constructor === 'function' && proto.constructor.name !== 'Node';
}

// A budgeted view's own fields: symbols, so no field of the model can shadow them.
const TARGET = Symbol('target');
const BUDGET = Symbol('budget');

/** A budgeted view: the model object it stands for, and the budget its calls check. */
interface View {
  readonly [TARGET]: object;
  readonly [BUDGET]: Budget;
}

type ViewClass = new (target: object, budget: Budget) => View;
type Method = (this: object, ...args: unknown[]) => unknown;

/** The view class of each model class, made once: a view per analysis is then two fields, not a copy of every method. */
const viewClasses = new WeakMap<object, ViewClass>();

function viewClassOf(proto: object): ViewClass {
  let cls = viewClasses.get(proto);
  if (cls) return cls;
  cls = class implements View {
    readonly [TARGET]: object;
    readonly [BUDGET]: Budget;
    constructor(target: object, budget: Budget) {
      this[TARGET] = target;
      this[BUDGET] = budget;
    }
  };
  const shape = cls.prototype as object;
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (name === 'constructor' || Object.hasOwn(shape, name)) continue;
      if (typeof descriptor.value === 'function') {
        const method = descriptor.value as Method;
        Object.defineProperty(shape, name, {
          // The common arities are passed on as parameters: handing `arguments` to another
          // function made every model call of a rule allocate it.
          value: function checked(this: View, a?: unknown, b?: unknown, c?: unknown): unknown {
            this[BUDGET].check();
            const self = this[TARGET];
            switch (arguments.length) {
              case 0: return method.call(self);
              case 1: return method.call(self, a);
              case 2: return method.call(self, a, b);
              case 3: return method.call(self, a, b, c);
              default: return method.apply(self, arguments as unknown as unknown[]);
            }
          },
        });
      } else if (descriptor.get) {
        const getter = descriptor.get as Method;
        Object.defineProperty(shape, name, {
          get(this: View): unknown {
            this[BUDGET].check();
            const value = getter.call(this[TARGET]);
            return isModelObject(value) ? budgeted(value, this[BUDGET]) : value;
          },
        });
      }
    }
  }
  viewClasses.set(proto, cls);
  return cls;
}

/**
 * The same object for a rule, whose methods and getters first check the budget; its fields read
 * the object's. Methods run on the real object, so its caches stay shared, and its calls to
 * itself are not checked. Objects a getter returns that are themselves model classes (the data
 * flow) are wrapped the same way.
 */
export function budgeted<T extends object>(target: T, budget: Budget): T {
  const existing = budget.views.get(target);
  if (existing) return existing as T;
  const View = viewClassOf(Object.getPrototypeOf(target) as object);
  // The object's fields (every declared field is an own property from its constructor on).
  const shape = View.prototype as object;
  for (const name of Object.keys(target)) {
    if (name in shape) continue;
    Object.defineProperty(shape, name, {
      get(this: View): unknown {
        return (this[TARGET] as Record<string, unknown>)[name];
      },
    });
  }
  const view = new View(target, budget) as unknown as T;
  budget.views.set(target, view);
  return view;
}
