// Modules of Python's standard library that every CPython from 3.8 to 3.13 ships on every platform:
// importing one never fails. Modules added or removed in that span (`tomllib`, `distutils`, `imp`,
// `cgi`...), platform-only ones (`winreg`, `termios`) and those a build may leave out (`tkinter`,
// `sqlite3`, `readline`, `curses`) are not listed.

const ALWAYS_PRESENT = new Set([
  'abc', 'argparse', 'array', 'ast', 'asyncio', 'atexit', 'base64', 'bdb', 'binascii', 'bisect', 'builtins', 'bz2',
  'calendar', 'cmath', 'cmd', 'code', 'codecs', 'codeop', 'collections', 'colorsys', 'compileall', 'concurrent',
  'configparser', 'contextlib', 'contextvars', 'copy', 'copyreg', 'cProfile', 'csv', 'ctypes', 'dataclasses', 'datetime',
  'decimal', 'difflib', 'dis', 'doctest', 'email', 'encodings', 'enum', 'errno', 'faulthandler', 'filecmp', 'fileinput',
  'fnmatch', 'fractions', 'ftplib', 'functools', 'gc', 'getopt', 'getpass', 'gettext', 'glob', 'gzip', 'hashlib',
  'heapq', 'hmac', 'html', 'http', 'imaplib', 'importlib', 'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword',
  'linecache', 'locale', 'logging', 'lzma', 'mailbox', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder',
  'multiprocessing', 'netrc', 'numbers', 'opcode', 'operator', 'optparse', 'os', 'pathlib', 'pdb', 'pickle',
  'pickletools', 'pkgutil', 'platform', 'plistlib', 'poplib', 'pprint', 'profile', 'pstats', 'py_compile', 'pyclbr',
  'pydoc', 'queue', 'quopri', 'random', 're', 'reprlib', 'rlcompleter', 'runpy', 'sched', 'secrets', 'select',
  'selectors', 'shelve', 'shlex', 'shutil', 'signal', 'site', 'smtplib', 'socket', 'socketserver', 'ssl', 'stat',
  'statistics', 'string', 'stringprep', 'struct', 'subprocess', 'symtable', 'sys', 'sysconfig', 'tabnanny', 'tarfile',
  'tempfile', 'textwrap', 'threading', 'time', 'timeit', 'token', 'tokenize', 'trace', 'traceback', 'tracemalloc',
  'types', 'typing', 'unicodedata', 'unittest', 'urllib', 'uuid', 'warnings', 'wave', 'weakref', 'webbrowser',
  'wsgiref', 'xml', 'xmlrpc', 'zipapp', 'zipfile', 'zipimport', 'zlib',
]);

/** True when importing `module` (`os.path`, `json`) can never fail: its top-level package is listed above. */
export function alwaysImportable(module: string): boolean {
  return ALWAYS_PRESENT.has(module.split('.')[0]);
}
