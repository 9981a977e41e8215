// Calls that set the running process up rather than do its work: logging, warnings, display
// options, the locale, the import path. A module whose only top-level calls are these is still a library.

/** Functions that configure logging, warnings, printing, the locale (how numbers are written and parsed) or the import path. */
export const PROCESS_SETUP_FUNCTIONS = /^(logging|warnings)\.|(^|\.)logging\.(set_verbosity\w*|disable_\w+|enable_\w+)$|^(pandas\.set_option|numpy\.set_printoptions|torch\.set_printoptions|locale\.setlocale|sys\.path\.(append|insert))$/;

/** Functions that return a logger (`logging.getLogger(__name__)`, `diffusers.utils.logging.get_logger(__name__)`), whose methods only log. */
export const LOGGER_FACTORIES = /(^|\.)(getLogger|get_logger)$/;

/** Command-line parsers: a program that takes arguments is a tool someone runs for its results. */
export const COMMAND_LINE_PARSERS = /^(argparse|click|typer|fire|absl\.(app|flags)|hydra|tyro|jsonargparse|simple_parsing|plac|docopt)(\.|$)/;
