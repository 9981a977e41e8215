import { strict as assert } from 'node:assert';
import { unpinnedPackageInstall } from '../../../server/src/detectors/mld803-unpinned-package-install';
import { classifyConda, classifyPip, installCommands, shellWords } from '../../../server/src/detectors/shared/installCommands';
import { toLocalRange } from '../../../server/src/documents/positions';
import { py, run } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(unpinnedPackageInstall, {
  valid: [
    {
      name: 'an install guarded by a check that imports only standard-library modules never runs: the import never fails',
      code: ['!python -c "import pickle" || pip install -q pickle\n!python3 -c "import os, json; import os.path" || pip install simplejson\n'],
    },
    {
      name: 'two install commands run together on one line, their line break lost: the installer refuses the second escape as a requirement and installs nothing',
      code: [
        '!pip install scanpy==1.4.6 pandas matplotlib !pip install scanpy==1.4.6 gprofiler\n',
        '%pip install -q torch==2.3.1 %pip install einops\n!conda install -y numpy !conda install scipy\n',
      ],
    },
    {
      name: 'pip options before a subcommand other than install (list, freeze) install nothing',
      code: ['!pip -q list\n!pip --timeout 60 freeze > requirements.txt\n'],
    },
    {
      name: 'exact, compatible and two-sided pins; wheels, local paths and commits',
      code: [
        '!pip install transformers==4.44.2 "datasets~=2.21.0" \'torch>=2.3,<2.4\' accelerate===0.33.0\n%pip install -q ./wheels/tool-1.0-py3-none-any.whl -e .\n',
        '!pip install git+https://github.com/org/tool.git@3f2a9c1 "pkg @ git+https://github.com/org/pkg@v1.2.0"\n!pip install https://example.org/dist/lib-2.1.tar.gz\n',
      ],
    },
    {
      name: 'an inclusive cap on a release pins it: the installer takes the newest release within it, the cap itself, on every run',
      code: [
        '%pip install "ultralytics<=8.3.40"\n# prevent tracking\n!yolo settings sync=False\n',
        "!pip install 'protobuf<=3.20.1' --force-reinstall\n!pip install -q 'scipy<=1.11.4' pandas==2.2.2 \"numpy<=1.26.4\"\n",
        'import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "opencv-python<=4.8.0.76"])\n',
        '%conda install -y "pillow<=10.0.1"\n',
      ],
    },
    {
      name: 'an editable install of a folder cloned beside the notebook, named without ./: -e takes a path or a VCS URL, never an index name',
      code: ['!git clone https://github.com/someone/audio-utils\n!pip install -e audio-utils\n!pip install --editable speech_tools[dev] -q\n'],
    },
    {
      name: 'requirements and constraints files, pip tooling, other pip commands',
      code: [
        '%pip install -r requirements.txt\n!pip install -qr requirements.txt  # install\n!pip install -c constraints.txt transformers datasets\n!pip install --upgrade pip setuptools wheel\n',
        '!pip install -q --no-index --find-links /kaggle/input/wheels transformers\n',
        '!pip uninstall -y torch\n!pip list\n!pip show transformers && pip freeze > requirements.txt\n',
      ],
    },
    {
      name: 'a requirements file named without -r is no package: pip looks for one of that name, finds no release, and installs nothing',
      code: [
        '%cd /content/drive/MyDrive/audio-tagging\n!git pull\n!pip install requirements.txt\n',
        '%pip install -q requirements_colab.txt\n',
        'import os, subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "requirements-dev.txt"])\nos.system("pip install -U requirements.txt")\n',
      ],
    },
    {
      name: 'uv pip options that take a value: the value is no package (a lock file installed with --no-deps)',
      code: [
        '# Install the pinned environment on the driver\n!uv pip install -r env.lock --system --no-deps --index-strategy unsafe-best-match\n',
        '%%bash\nuv pip install --system --link-mode copy --python-platform linux --keyring-provider subprocess -r env.lock\nuv pip install --index-strategy=first-index --constraints pins.txt polars\n',
      ],
    },
    {
      name: 'a package pinned with one extra and named bare with another in the same command is pinned: pip installs one version',
      code: [
        '%%capture\n%pip install datasets[audio]==1.16.1 umap-learn==0.5.1 datasets[s3] "transformers[torch]==4.11.3"\n',
        '!pip install -q "Ray[tune]==2.9.3" ray[serve] ray_lightning==0.3.0\n',
      ],
    },
    {
      name: 'conda pins, names built at run time, commented-out installs',
      code: [
        '%conda install -c conda-forge numpy=1.26 "scipy>=1.11,<1.12" -y\n!mamba install pytorch==2.3.0\n',
        'pkg = "rich"\n!pip install {pkg}\n!pip install $PACKAGE\n# !pip install transformers\n',
      ],
    },
    {
      name: 'scripts: a dynamic subprocess command and a pinned get_ipython line',
      code: py`
        import os, subprocess, sys
        subprocess.run([sys.executable, "-m", "pip", "install", package])
        get_ipython().system('pip install lightgbm==4.5.0')
        os.system("pip install -r requirements.txt")
      `,
    },
    {
      name: 'the installers themselves: uv bootstrapped with pip, a package remover, in escapes, a bash cell and a subprocess call',
      code: [
        '%%capture\n!pip install --upgrade -qqq uv\n!pip install pip3-autoremove\n!uv pip install -qqq transformers==4.56.2\n',
        '%%bash\npython -m pip install -qU uv --root-user-action=ignore\nuv pip install --system "datasets==4.3.0"\n',
        'import subprocess, sys\nsubprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade", "uv"], check=True)\n',
      ],
    },
    {
      name: 'the ninja build runner installed before a custom CUDA op is compiled, in an escape and in a script',
      code: [
        '# compile the fused upsampling op on first use\n!git clone https://github.com/acme/fused-ops.git\n!pip install ninja\n',
        'import sys\nsys.path.insert(0, "fused-ops")\nimport torch\nfrom fused_ops import upfirdn2d\n',
        'import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "ninja"])\n',
      ],
    },
    {
      name: 'clients that only fetch files from a storage service: the Kaggle CLI before a download, gdown, the AWS CLI in a bash cell, kagglehub from a script',
      code: [
        '# credentials: upload kaggle.json first\n!pip install -q kaggle\n!mkdir -p ~/.kaggle && cp kaggle.json ~/.kaggle/\n!kaggle datasets download -d someone/field-parcels\n!unzip -q field-parcels.zip -d data\n',
        '%pip install --upgrade gdown\n!gdown 1AbCdEfGhIjKlMnOpQrStUvWxYz -O tiles.zip\n',
        '%%bash\npip install awscli gsutil\naws s3 cp s3://open-imagery/scenes/ ./scenes --recursive --no-sign-request\n',
      ],
    },
    {
      name: 'kagglehub installed by a script before it downloads the weights it fine-tunes',
      code: py`
        import subprocess, sys
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "kagglehub"])
        import kagglehub
        weights_dir = kagglehub.model_download("someone/unet/pyTorch/default")
      `,
    },
    {
      name: 'tunnel clients that only expose a server the notebook runs: pyngrok under a flag, the ngrok SDK in a script, flask-ngrok in a bash cell',
      code: [
        'SERVE = True\nif SERVE:\n    !pip install -q pyngrok\n    from pyngrok import ngrok\n    import subprocess\n    server = subprocess.Popen(["uvicorn", "app:api", "--port", "8000"])\n    print(ngrok.connect(8000).public_url)\n',
        'import subprocess, sys\nsubprocess.run([sys.executable, "-m", "pip", "install", "--upgrade", "ngrok"], check=True)\nimport ngrok\nlistener = ngrok.forward(7860, authtoken_from_env=True)\n',
        '%%bash\npip install flask-ngrok\n',
      ],
    },
    {
      name: 'the notebook front end and its widget layer only display results: an upgrade before a progress bar, a magic, conda, extras',
      code: [
        '! pip install ipywidgets\n! pip install --upgrade jupyter jupyterlab ipywidgets\n',
        'from lazypredict.Supervised import LazyRegressor\nmodels, preds = LazyRegressor(verbose=0).fit(X_train, X_test, y_train, y_test)\n',
        '%pip install -q ipywidgets widgetsnbextension jupyterlab_widgets\nfrom tqdm.notebook import tqdm\n',
        '!conda install -y -c conda-forge notebook nbclassic jupyterlab-widgets\n',
      ],
    },
    {
      name: 'installs under a literal `if False:` never run: an escape in a later cell, a magic, a subprocess call',
      code: [
        'import sys\nprint(sys.version)\n',
        '# switch on to upgrade the SDK\nif False:\n    !pip install -U sagemaker\n    %pip install boto3\n',
        'import subprocess\nif 0:\n    subprocess.check_call(["pip", "install", "xgboost"])\n',
      ],
    },
  ],
  invalid: [
    {
      name: 'installs guarded by a check of a package, of a module not every Python ships, or run after && are judged',
      code: ['!python -c "import monai" || pip install -q monai\n!python -c "import pickle, tqdm" || pip install tqdm\n!python -c "import pickle" && pip install rich\n!python -c "import tomllib" || pip install tomli\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: monai, tqdm, rich and tomli have no version pin, so each run may install a different release \(4 install commands in this notebook\)$/, related: 3 }],
    },
    {
      name: 'an install whose arguments hold no second escape, beside one that does: the first is still judged',
      code: ['!pip install pandas matplotlib\n!pip install scanpy==1.4.6 !pip install gprofiler\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: pandas and matplotlib have no version pin, so each run may install a different release$/ }],
    },
    {
      name: 'beside an editable folder, an index package is still named, and an editable VCS URL on a branch follows the branch',
      code: ['!pip install -e audio-utils soundfile\n!pip install -e git+https://github.com/someone/speech-tools.git#egg=speech-tools\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: soundfile has no version pin; git\+https:\/\/\.\.\.\/someone\/speech-tools\.git#egg=speech-\.\.\. follows a branch, not a commit/, related: 1 }],
    },
    {
      name: 'OpenMMLab\'s mim installs through pip: an unpinned package is its own finding, a pinned one and its other commands are not',
      code: ['!pip install -U "openmim==0.3.9"\n!mim install mmengine\n!python3 -m mim install "mmcv==2.1.0"\n!python -m mim install mmdet\n!mim download mmdet --config rtmdet_tiny_8xb32-300e_coco --dest .\n'],
      findings: [{ cell: 0, line: 2, column: 1, message: /^`mim install`: mmengine and mmdet have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'pip options written before the subcommand (a quiet flag, a timeout with its value) still make an install',
      code: ['!pip -q install imageio\n!pip --timeout 60 install "scipy==1.13.1"\n!pip --no-cache-dir --timeout 60 install tqdm\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: imageio and tqdm have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'a package installed on both branches of a Colab check is named once; the installer bootstrap beside them is not named',
      code: [
        '%%capture\nimport os\n!pip install --upgrade -qqq uv\nif "COLAB_" not in "".join(os.environ.keys()):\n    !pip install unsloth vllm\nelse:\n    !uv pip install -qqq --upgrade unsloth vllm bitsandbytes\n!uv pip install transformers==4.55.4\n',
      ],
      findings: [{ cell: 0, line: 5, column: 5, message: /^`pip install`: unsloth, vllm and bitsandbytes have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'beside a requirements file named without -r, the packages of the line and of the next cell are still named',
      code: ['!pip install requirements.txt librosa\n', '!pip install torchaudio==2.2.0 soundfile\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: librosa and soundfile have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'an unpinned package installed beside ninja is named, ninja is not',
      code: ['!pip install ninja imageio-ffmpeg\n!pip install "torch==2.1.0"\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: imageio-ffmpeg has no version pin, so each run may install a different release$/ }],
    },
    {
      name: 'beside a download client, the libraries the code computes with are named; a library sharing the client\'s prefix is one of them',
      code: ['!pip install -q kaggle kaggle-environments\n!kaggle competitions download -c lux-ai\n', '%pip install gdown segmentation-models-pytorch\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: kaggle-environments and segmentation-models-pytorch have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'beside a tunnel client, the server and the model it serves are named; the client is not',
      code: ['!pip install -q pyngrok fastapi uvicorn\n', '%pip install -q "peft==0.13.2" bitsandbytes\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: fastapi, uvicorn and bitsandbytes have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'beside the notebook front end, the libraries the code computes with are named; a widget library that draws its own plots is too',
      code: ['! pip install --upgrade jupyter jupyterlab ipywidgets lazypredict\n', '%pip install -q ipyleaflet jupyter-dash\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: lazypredict, ipyleaflet and jupyter-dash have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'a package installed plain, then again with an extra, is named once; another package with an extra is named',
      code: ['# HIDE OUTPUT\n!pip install transformers\n!pip install transformers[sentencepiece]\n!pip install "ray[tune]"\n'],
      findings: [{ cell: 0, line: 2, message: /^`pip install`: transformers and ray\[tune\] have no version pin, so each run may install a different release \(3 install commands in this notebook\)$/, related: 2 }],
    },
    {
      name: 'beside a one-sided bound on the same package, the bound is named, not the bare extra; another package sharing a prefix is still named',
      code: ['!pip install "datasets>=2.14" datasets[s3] torch==2.1.0 torchvision\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: torchvision has no version pin; datasets>=2\.14 only bounds the version on one side, so each run may install a different release$/ }],
    },
    {
      name: 'an unpinned package beside a uv option value is named, the value is not',
      code: ['!uv pip install --system --index-strategy unsafe-best-match ray[train] "xgboost==2.1.4"\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: ray\[train\] has no version pin, so each run may install a different release$/ }],
    },
    {
      name: 'a shell escape with several unpinned packages',
      code: ['!pip install transformers datasets\nimport transformers\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: transformers and datasets have no version pin, so each run may install a different release$/ }],
      noFix: true,
    },
    {
      name: 'line magics with flags, a one-sided bound, a branch, conda and automagic',
      code: [
        'import numpy as np\n%pip install -q -U "scikit-learn>=1.3" xgboost\n',
        '!pip install git+https://github.com/org/tool.git\n%conda install -c conda-forge lightgbm --yes\npip install seaborn\n',
      ],
      findings: [
        { cell: 0, line: 2, column: 1, message: /^`pip install`: xgboost and seaborn have no version pin; scikit-learn>=1\.3 only bounds the version on one side; git\+https:\/\/github\.com\/org\/tool\.git follows a branch, not a commit, .* \(3 install commands in this notebook\)$/, related: 2 },
        { cell: 1, line: 2, message: /^`conda install`: lightgbm has no version pin, so each run may install a different release$/, related: 0 },
      ],
    },
    {
      name: 'beside an inclusive cap, the packages with no pin are still named, and an exclusive cap or a cap beside `!=` is still one-sided',
      code: [
        '%pip install "ultralytics<=8.3.40" supervision roboflow\n',
        '!pip install -q "torch<2.1" "protobuf<=3.20.3,!=3.20.3"\n',
      ],
      findings: [
        { cell: 0, line: 1, column: 1, message: /^`pip install`: supervision and roboflow have no version pin; torch<2\.1 and protobuf<=3\.20\.3,!=3\.20\.3 only bound the version on one side, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 },
      ],
    },
    {
      name: 'automagic installs with pip\'s general options before the subcommand are read as installs',
      code: ['pip -q install torch torchvision --index-url https://download.pytorch.org/whl/cu121\n', 'pip --timeout 60 install diffusers==0.30.3 peft\n'],
      findings: [{ cell: 0, line: 1, column: 1, message: /^`pip install`: torch, torchvision and peft have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'long VCS URLs keep the owner and repository that tell them apart',
      code: ['!pip install git+https://github.com/huggingface/transformers git+https://github.com/huggingface/accelerate\n!pip install -q git+https://github.com/huggingface/peft.git@main\n'],
      findings: [{ cell: 0, line: 1, message: /^`pip install`: git\+https:\/\/\.\.\.\/huggingface\/transformers, git\+https:\/\/\.\.\.\/huggingface\/accelerate and git\+https:\/\/\.\.\.\/huggingface\/peft\.git@main follow a branch, not a commit, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'chained commands, a continued line, python -m pip, %%capture and %%bash cells',
      code: [
        '!pip install pandas==2.2.2 && pip install -q polars\n!python -m pip install \\\n    scipy==1.14.0 umap-learn\n',
        '%%capture\n!pip install wandb\n',
        '%%bash\ncd /tmp\npip install --no-cache-dir optuna\n',
      ],
      findings: [
        { cell: 0, line: 1, message: /^`pip install`: polars, umap-learn, wandb and optuna have no version pin, .* \(4 install commands in this notebook\)$/, related: 3 },
      ],
    },
    {
      name: 'an unquoted bound is a shell redirection: the message says pip never sees it; quoted, or an item of a subprocess list, it is a one-sided bound',
      code: [
        '%%capture\n!pip install transformers bitsandbytes>=0.39.0\n!pip install "accelerate>=0.20"\n',
        'import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "peft>=0.4"])\n',
      ],
      findings: [
        { cell: 0, line: 2, message: /^`pip install`: transformers and bitsandbytes have no version pin; unquoted, `bitsandbytes>=0\.39\.0` sends pip's output to a file named `=0\.39\.0` instead of bounding the version; accelerate>=0\.20 and peft>=0\.4 only bound the version on one side, so each run may install a different release \(3 install commands in this notebook\)$/, related: 2 },
      ],
    },
    {
      name: 'an unquoted upper bound is an input redirection: the message says the line fails and installs nothing, not that output goes to a file',
      code: ['!pip install --upgrade pip\n!pip install onnxruntime\n!pip install tokenizers<0.20.0\n!pip install onnx>=1.14.0\n'],
      findings: [
        { cell: 0, line: 2, message: /^`pip install`: onnxruntime, tokenizers and onnx have no version pin; unquoted, `onnx>=1\.14\.0` sends pip's output to a file named `=1\.14\.0` instead of bounding the version, so each run may install a different release; unquoted, `tokenizers<0\.20\.0` makes the shell read pip's input from a file named `0\.20\.0`: without one, its line fails before pip starts and installs nothing \(3 install commands in this notebook\)$/, related: 2 },
      ],
    },
    {
      name: 'two unquoted upper bounds, one with `<=`: both files are named',
      code: ['%%capture\n!pip install protobuf<=3.20.3 sentencepiece<0.2\n'],
      findings: [
        { cell: 0, line: 2, message: /^`pip install`: protobuf and sentencepiece have no version pin, so each run may install a different release; unquoted, `protobuf<=3\.20\.3` and `sentencepiece<0\.2` make the shell read pip's input from files named `=3\.20\.3` and `0\.2`: without them, their lines fail before pip starts and install nothing$/ },
      ],
    },
    {
      name: 'a lower bound on a line that an upper bound makes fail sends nothing anywhere: only the line\'s failure is told',
      code: ['!pip install -q numpy>=1.24,<2.0 seaborn>=0.12\n'],
      findings: [
        { cell: 0, line: 1, message: /^`pip install`: numpy and seaborn have no version pin, so each run may install a different release; unquoted, `numpy<2\.0` makes the shell read pip's input from a file named `2\.0`: without one, its line fails before pip starts and installs nothing$/ },
      ],
    },
    {
      name: 'the lower bound written before the failing upper bound, with %pip or over continued lines: the line still fails',
      code: [
        '%pip install optuna>=3.0 "plotly>=5,<6" protobuf<4.21\n',
        'if IN_COLAB:\n    !pip install -q --upgrade \\\n        lightgbm>=4.0 \\\n        scipy>=1.10,<1.14\n',
      ],
      findings: [
        { cell: 0, line: 1, message: /^`pip install`: optuna, protobuf, lightgbm and scipy have no version pin, so each run may install a different release; unquoted, `protobuf<4\.21` and `scipy<1\.14` make .*: without them, their lines fail before pip starts and install nothing \(2 install commands in this notebook\)$/, related: 1 },
      ],
    },
    {
      name: 'a lower bound on a line of its own still sends pip\'s output to a file, beside a line that fails',
      code: ['!pip install -q numpy>=1.24,<2.0\n!pip install -q xgboost>=2.0\n'],
      findings: [
        { cell: 0, line: 1, message: /^`pip install`: numpy and xgboost have no version pin; unquoted, `xgboost>=2\.0` sends pip's output to a file named `=2\.0` instead of bounding the version, so each run may install a different release; unquoted, `numpy<2\.0` makes the shell read .*\(2 install commands in this notebook\)$/, related: 1 },
      ],
    },
    {
      name: 'scripts exported from notebooks, and subprocess calls',
      code: py`
        import subprocess, sys
        get_ipython().system('pip install -q timm')
        get_ipython().run_line_magic('pip', 'install catboost')
        subprocess.check_call([sys.executable, "-m", "pip", "install", "torch==2.3.0", "torchvision"])
      `,
      findings: [{ line: 2, column: 1, message: /timm, catboost and torchvision have no version pin.*\(3 install commands in this file\)$/, related: 2 }],
    },
    {
      name: 'set-up installs in several lines and cells are one finding naming every package',
      code: [
        '%%capture\n!pip install -qU llama-index-core\n!pip install -qU llama-index-llms-openai\n!pip install -qU wandb==0.17.0\n!pip install -qU pymupdf weave\n',
        'import wandb\n',
        '!pip install -q seaborn\n',
      ],
      findings: [
        { cell: 0, line: 2, message: /^`pip install`: llama-index-core, llama-index-llms-openai, pymupdf, weave and 1 more have no version pin, .* \(4 install commands in this notebook\)$/, related: 3 },
      ],
    },
    {
      name: 'a local install cell and a Colab cell installing the same packages on the other branch: one finding, each package named once',
      code: [
        'import os\nIN_COLAB = "COLAB_" in "".join(os.environ.keys())\nif not IN_COLAB:\n    !pip install unsloth vllm\n',
        'if IN_COLAB:\n    !pip install --no-deps unsloth vllm\n    !pip install --no-deps Unsloth_Zoo\n',
        '!pip install -q unsloth-zoo\n',
      ],
      findings: [{ cell: 0, line: 4, message: /^`pip install`: unsloth, vllm and Unsloth_Zoo have no version pin, so each run may install a different release \(4 install commands in this notebook\)$/, related: 3 }],
    },
    {
      name: 'an install under a flag the reader may flip, and one in the live arm of `if True:`, still run',
      code: ['UPGRADE = False\nif UPGRADE:\n    !pip install -U sagemaker\n', 'if True:\n    !pip install boto3\nelse:\n    !pip install awscli\n'],
      findings: [{ cell: 0, line: 3, column: 5, message: /^`pip install`: sagemaker and boto3 have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
    {
      name: 'pip and conda in different cells: one finding per tool',
      code: ['%pip install seaborn\n', '%conda install -y -c conda-forge lightgbm\n', '%pip install plotly\n'],
      findings: [
        { cell: 0, line: 1, message: /^`pip install`: seaborn and plotly have no version pin, .* \(2 install commands in this notebook\)$/, related: 1 },
        { cell: 1, line: 1, message: /^`conda install`: lightgbm has no version pin, so each run may install a different release$/, related: 0 },
      ],
    },
    {
      name: 'pinned install cells around unpinned ones: one finding at the first unpinned one, linked to the other unpinned one only',
      code: ['!pip install -q torch==2.3.0 transformers==4.44.2\n', 'import torch\n!pip install -q peft\n', '!pip install -q trl==0.9.6\n', '!pip install -q bitsandbytes\n'],
      findings: [{ cell: 1, line: 2, message: /^`pip install`: peft and bitsandbytes have no version pin, so each run may install a different release \(2 install commands in this notebook\)$/, related: 1 }],
    },
  ],
});

describe('MLD803 related locations', () => {
  it('point at the other unpinned install lines of the tool, in their own cells, each naming its own packages', async () => {
    const { doc, source, result } = await run(['!pip install -U transformers datasets\n', '!pip install accelerate==0.33.0\n', 'x = 1\n!pip install transformers peft\n'], [unpinnedPackageInstall]);
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.match(finding.message, /^`pip install`: transformers, datasets and peft have no version pin/);
    const related = finding.related.map((r) => {
      const local = toLocalRange(doc, r.range)!;
      return [source.cells.findIndex((c) => c.uri === local.uri), local.range.start.line, r.message];
    });
    assert.deepEqual(related, [[2, 1, '`pip install`: transformers and peft have no version pin, so each run may install a different release']]);
  });
});

describe('install command parsing', () => {
  it('splits shell words with quotes, escapes, comments and operators', () => {
    assert.deepEqual(shellWords('pip install "a b" c\\ d && ls; x # comment'), ['pip', 'install', 'a b', 'c d', '&&', 'ls', ';', 'x']);
    assert.deepEqual(shellWords('pip install x > /dev/null 2>&1'), ['pip', 'install', 'x', '>', '/dev/null', '2>&1']);
    // An unquoted `>` or `<` ends the word before it, as in a POSIX shell; quoted, it is part of the word.
    assert.deepEqual(shellWords('pip install numpy>=1.20 "scipy<2" torch<3 x>>log 2>&1 &>all'), ['pip', 'install', 'numpy', '>=1.20', 'scipy<2', 'torch', '<3', 'x', '>>log', '2>&1', '&>all']);
  });

  it('finds pip, python -m pip, uv pip and conda installs, and ignores redirections', () => {
    const commands = installCommands('sudo pip3 install -U torch >/dev/null && uv pip install --system rich==13.0 ; mamba install -n env numpy');
    assert.deepEqual(commands.map((c) => [c.tool, c.requirements.map((r) => `${r.spec}:${r.status}`)]), [
      ['pip', ['torch:unpinned']],
      ['pip', ['rich==13.0:pinned']],
      ['conda', ['numpy:unpinned']],
    ]);
    assert.deepEqual(installCommands('{sys.executable} -m pip install --index-url=https://x.org/simple lib').map((c) => c.requirements.map((r) => r.status)), [['unpinned']]);
  });

  it('classifies pip requirements', () => {
    const cases: [string, string][] = [
      ['numpy', 'unpinned'], ['numpy==1.26.4', 'pinned'], ['numpy~=1.26.0', 'pinned'], ['numpy>=1.20', 'range'], ['numpy<2', 'range'],
      ['numpy>=1.20,<2', 'pinned'], ['numpy<=1.26.4', 'pinned'], ['numpy<=1.26.4,!=1.26.4', 'range'], ['numpy<1.26.4', 'range'], ['transformers[torch]', 'unpinned'], ['transformers[torch]==4.44.2', 'pinned'],
      ['git+https://github.com/o/r', 'branch'], ['git+https://github.com/o/r.git@main', 'branch'], ['git+ssh://git@github.com/o/r.git', 'branch'],
      ['git+https://github.com/o/r.git@0123abc#egg=r', 'pinned'], ['https://github.com/o/r/archive/master.zip', 'branch'], ['./pkg', 'pinned'], ['{name}', 'unknown'], ['requirements.txt', 'unknown'], ['requirements-dev.txt', 'unknown'],
    ];
    for (const [spec, status] of cases) assert.equal(classifyPip(spec).status, status, spec);
  });

  it('classifies conda specs', () => {
    const cases: [string, string][] = [['numpy', 'unpinned'], ['numpy=1.26', 'pinned'], ['conda-forge::numpy==1.26', 'pinned'], ['numpy>=1.20', 'range'], ['numpy 1.26', 'pinned'], ['numpy<=1.26.4', 'pinned']];
    for (const [spec, status] of cases) assert.equal(classifyConda(spec).status, status, spec);
  });
});
