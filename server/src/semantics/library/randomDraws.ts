// The draws from each library's global random generator, by qualified name: what an unseeded
// program takes from the generator (MLD801), and what a value drawn at random is made of.
import type { Library } from './processSetup';

export interface LibraryDraws {
  /** Module whose functions draw from the global generator. */
  drawModule: string;
  draws: ReadonlySet<string>;
}

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const LIBRARY_DRAWS: Record<Library, LibraryDraws> = {
  numpy: {
    drawModule: 'numpy.random',
    draws: words(`rand randn randint random_integers random_sample random ranf sample choice bytes shuffle permutation
      beta binomial chisquare dirichlet exponential f gamma geometric gumbel hypergeometric laplace logistic lognormal
      logseries multinomial multivariate_normal negative_binomial noncentral_chisquare noncentral_f normal pareto
      poisson power rayleigh standard_cauchy standard_exponential standard_gamma standard_normal standard_t triangular
      uniform vonmises wald weibull zipf`),
  },
  random: {
    drawModule: 'random',
    draws: words(`random randint randrange choice choices shuffle sample uniform gauss normalvariate lognormvariate
      expovariate vonmisesvariate gammavariate betavariate paretovariate weibullvariate triangular getrandbits
      randbytes binomialvariate`),
  },
  torch: {
    drawModule: 'torch',
    draws: words('rand randn randint randperm rand_like randn_like randint_like normal bernoulli multinomial poisson'),
  },
  tensorflow: {
    drawModule: 'tensorflow.random',
    draws: words('uniform normal truncated_normal shuffle categorical gamma poisson'),
  },
};

/** Each library's draws by qualified name (`numpy.random.normal` -> numpy): asked of every call that may seed or draw. */
const DRAWS = new Map<string, Library>();
for (const [library, facts] of Object.entries(LIBRARY_DRAWS) as [Library, LibraryDraws][]) {
  for (const draw of facts.draws) if (!DRAWS.has(`${facts.drawModule}.${draw}`)) DRAWS.set(`${facts.drawModule}.${draw}`, library);
}

/** The library whose global generator the call of `qname` draws from, if it is a draw. */
export function drawnLibrary(qname: string): Library | undefined {
  return DRAWS.get(qname);
}
