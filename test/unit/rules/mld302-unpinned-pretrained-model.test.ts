import { unpinnedPretrainedModel } from '../../../server/src/detectors/mld302-unpinned-pretrained-model';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(unpinnedPretrainedModel, {
  valid: [
    {
      name: 'a path under a folder a project writes its results into is local, not an account on the Hub',
      code: py`
        from transformers import GPT2LMHeadModel, GPT2TokenizerFast, AutoModel
        tokenizer = GPT2TokenizerFast.from_pretrained("output/tokenizer_model")
        model = GPT2LMHeadModel.from_pretrained("models/gpt2-small-3ep")
        encoder = AutoModel.from_pretrained("runs/bert-ner")
      `,
    },
    {
      name: 'a path under a folder a project reads its inputs from is local, not an account on the Hub',
      code: py`
        from transformers import AutoTokenizer, LayoutLMv3Processor, TrOCRProcessor, VisionEncoderDecoderModel, pipeline
        PROCESSOR_DIR = "input/trocr_cyr_processor"
        processor = TrOCRProcessor.from_pretrained(PROCESSOR_DIR, use_fast=False)
        tokenizer = AutoTokenizer.from_pretrained("data/tokenizer-ukr")
        layout = LayoutLMv3Processor.from_pretrained("inputs/layoutlmv3-processor", apply_ocr=False)
        reader = pipeline("image-to-text", model="Data/donut-receipts")
      `,
    },
    {
      name: 'a first part with an underscore names a folder, not a Hub account (accounts are letters, digits and hyphens)',
      code: py`
        from transformers import BertTokenizerFast, AutoModel
        from sentence_transformers import SentenceTransformer
        BASE = "pretrained_models/bert-base-chinese"
        tokenizer = BertTokenizerFast.from_pretrained(BASE)
        model = AutoModel.from_pretrained("All_Bert_Models/bert-base-uncased")
        encoder = SentenceTransformer("local_cache/all-MiniLM-L6-v2")
      `,
    },
    {
      name: 'pinned with a revision (a commit, a tag, or a constant)',
      code: py`
        from transformers import AutoModel, AutoTokenizer, pipeline
        REVISION = "86b5e0934494bd15c9632b12f734a8a67f723594"
        tok = AutoTokenizer.from_pretrained("bert-base-uncased", revision=REVISION)
        model = AutoModel.from_pretrained("bert-base-uncased", revision="v1.0")
        clf = pipeline("sentiment-analysis", model="distilbert-base-uncased-finetuned-sst-2-english", revision="714eb0f")
      `,
    },
    {
      name: 'a dataset or a Space downloaded from the Hub is no pretrained model (MLD301 pins datasets); a computed repo_type is not guessed',
      code: py`
        from huggingface_hub import hf_hub_download, snapshot_download
        table = hf_hub_download(repo_id="acme/churn-tables", filename="train.parquet", repo_type="dataset")
        clips = snapshot_download("acme/speech-clips", repo_type="dataset")
        app = hf_hub_download(repo_id="acme/demo-app", filename="app.py", repo_type="space")
        def fetch(kind):
            return hf_hub_download(repo_id="acme/detector-v2", filename="model.safetensors", repo_type=kind)
      `,
    },
    {
      name: 'local folders, checkpoints and files',
      code: py`
        from transformers import AutoModelForSequenceClassification
        a = AutoModelForSequenceClassification.from_pretrained("./results/best")
        b = AutoModelForSequenceClassification.from_pretrained("/models/bert")
        c = AutoModelForSequenceClassification.from_pretrained("outputs/checkpoint-500")
      `,
    },
    {
      name: 'a bare folder word written by a shell step: no owner, hyphen or digit, so not a Hub name',
      code: [
        '!python pretrain.py --output_dir=model\n',
        'from transformers import AutoModel, AutoTokenizer\ntok = AutoTokenizer.from_pretrained("model")\nnet = AutoModel.from_pretrained("bert_finetuned")\n',
      ],
    },
    {
      name: 'the model this notebook trains and saves itself',
      code: [
        'from transformers import AutoModelForSequenceClassification, TrainingArguments, Trainer, pipeline\n',
        'args = TrainingArguments(output_dir="my_awesome_model", num_train_epochs=2)\ntrainer = Trainer(model=model, args=args)\ntrainer.train()\n',
        'classifier = pipeline("sentiment-analysis", model="my_awesome_model")\nreloaded = AutoModelForSequenceClassification.from_pretrained("my_awesome_model")\n',
      ],
    },
    {
      name: 'a model written through any config\'s output_dir, or under an f-string name the loaded name fits',
      code: [
        'from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments\nfrom trl import SFTConfig\n',
        'run_name = "tiny-llama-chat-tuned"\nconfig = SFTConfig(output_dir=run_name, max_steps=200)\n',
        'base = checkpoint_id.split("/")[-1]\nargs = TrainingArguments(f"{base}-tuned-on-reviews", push_to_hub=True)\n',
        'chat = AutoModelForCausalLM.from_pretrained(run_name)\nreviews = AutoModelForCausalLM.from_pretrained("opt-350m-tuned-on-reviews")\n',
      ],
    },
    {
      name: 'the model this notebook trains and pushes, loaded back from the account it was pushed to',
      code: [
        'from transformers import AutoModelForTokenClassification, TrainingArguments, Trainer, pipeline\n',
        'args = TrainingArguments("bert-finetuned-ner", learning_rate=2e-5, push_to_hub=True)\ntrainer = Trainer(model=model, args=args)\ntrainer.train()\ntrainer.push_to_hub()\n',
        '# Replace this with your own checkpoint\nner = pipeline("token-classification", model="course-org/bert-finetuned-ner")\n',
      ],
    },
    {
      name: 'a hub_model_id or a push under a placeholder account, read back under the author\'s account',
      code: py`
        from transformers import SegformerForSemanticSegmentation, TrainingArguments
        from peft import PeftConfig
        hub_model_id = "segformer-b0-finetuned-sidewalk"
        args = TrainingArguments("out", hub_model_id=hub_model_id, push_to_hub=True)
        model.push_to_hub("your-name/opt-prompt-tuning-clm")
        seg = SegformerForSemanticSegmentation.from_pretrained("someone/segformer-b0-finetuned-sidewalk")
        config = PeftConfig.from_pretrained("author/opt-prompt-tuning-clm")
      `,
    },
    {
      name: 'a repository the notebook creates, filled by a training callback, downloaded back by that name',
      code: [
        'import pickle\nfrom huggingface_hub import HfApi, create_repo, hf_hub_download\nfrom tabnets.callbacks import HubCheckpoint\n',
        'REPO_ID = "jdoe/churn-net-demo"\ncreate_repo(REPO_ID, private=True, exist_ok=True)\n',
        'saver = HubCheckpoint(HfApi(), repo_id=REPO_ID, path_in_repo="net.pkl")\nnet.fit(X_train, y_train, callbacks=[saver])\n',
        'path = hf_hub_download(REPO_ID, "net.pkl")\nwith open(path, "rb") as f:\n    restored = pickle.load(f)\n',
      ],
    },
    {
      name: 'a registry file read back from the repository the same script commits new versions into',
      code: py`
        import json
        from huggingface_hub import HfApi, CommitOperationAdd, hf_hub_download

        HUB_REPO = "jdoe/price-models"
        api = HfApi()

        def publish(version, files):
            registry_file = hf_hub_download(repo_id=HUB_REPO, filename="registry.json")
            with open(registry_file) as fh:
                registry = json.load(fh)
            registry.append(version)
            ops = [CommitOperationAdd(path_in_repo=f"{version}/{name}", path_or_fileobj=name) for name in files]
            api.create_commit(repo_id=HUB_REPO, operations=ops, commit_message=f"release {version}")
      `,
    },
    {
      name: 'a large export folder uploaded with upload_large_folder, loaded back from that repository',
      code: py`
        from huggingface_hub import HfApi
        from transformers import AutoModel
        HfApi().upload_large_folder("jdoe/tab-encoder-xl", "export/tab-encoder-xl", repo_type="model")
        encoder = AutoModel.from_pretrained("jdoe/tab-encoder-xl")
      `,
    },
    {
      name: 'a folder uploaded to a repository by HfApi, loaded back from it',
      code: py`
        from huggingface_hub import HfApi
        from transformers import AutoModelForSequenceClassification
        api = HfApi()
        api.upload_folder(folder_path="export/reviews-head", repo_id="jdoe/reviews-head")
        head = AutoModelForSequenceClassification.from_pretrained("jdoe/reviews-head")
      `,
    },
    {
      name: 'a model this script saves to a local folder with .save(path) and loads back by that path',
      code: py`
        from sentence_transformers import SentenceTransformer, models
        clip = models.CLIPModel()
        model = SentenceTransformer(modules=[clip])
        model.save("clip-tuned-v2")
        model = SentenceTransformer("clip-tuned-v2")
        output_path = "output/quora-duplicates-2"
        student.fit(train_objectives=[(loader, loss)], epochs=1)
        student.save(output_path)
        reloaded = SentenceTransformer(output_path)
      `,
    },
    {
      name: 'a model folder this file unpacks from an archive itself (zip in a method, tar by path=, shutil) and loads back',
      code: py`
        import shutil, tarfile, zipfile
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        EVENTS_MODEL = "events8_model"

        class Fetcher:
            def fetch(self):
                with zipfile.ZipFile(EVENTS_MODEL + ".zip") as archive:
                    archive.extractall(EVENTS_MODEL)

        Fetcher().fetch()
        model = AutoModelForSequenceClassification.from_pretrained(EVENTS_MODEL, num_labels=8)
        with tarfile.open("ner.tar.gz") as tar:
            tar.extractall(path="ner-model-2")
        tagger = AutoModelForSequenceClassification.from_pretrained("ner-model-2")
        shutil.unpack_archive("tok.zip", "tok-v3")
        tok = AutoTokenizer.from_pretrained("tok-v3")
      `,
    },
    {
      name: 'placeholders that stand for the reader\'s own model',
      code: py`
        from diffusers import StableDiffusionPipeline
        from transformers import pipeline
        pipe = StableDiffusionPipeline.from_pretrained("path_to_your_weights")
        clf = pipeline("text-classification", model="my-sentiment-model")
      `,
    },
    {
      name: 'a name without an owner that is none of the Hub\'s first models is a folder a training run wrote elsewhere',
      code: py`
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, pipeline
        from huggingface_hub import snapshot_download
        summarizer = pipeline("summarization", model="pegasus-news-finetuned")
        SUMMARY_MODEL = "bart-cnn-summarizer-v2"
        tokenizer = AutoTokenizer.from_pretrained(SUMMARY_MODEL)
        model = AutoModelForSeq2SeqLM.from_pretrained(SUMMARY_MODEL)
        def load_dialogue_model():
            return AutoModelForSeq2SeqLM.from_pretrained("led-dialogsum-4096")
        local = snapshot_download("flan-samsum-lora")
      `,
    },
    {
      name: 'from_pretrained of another library or of unknown origin, names computed at run time',
      code: py`
        from transformers import AutoModel
        from mylib import Encoder
        enc = Encoder.from_pretrained("bert-base-uncased")
        other = loader.from_pretrained("gpt2")
        def load(name):
            return AutoModel.from_pretrained(name)
        offline = AutoModel.from_pretrained("gpt2", local_files_only=True)
      `,
    },
    {
      name: 'torch.hub with a release tag, or from a local folder',
      code: py`
        import torch
        resnet = torch.hub.load("pytorch/vision:v0.10.0", "resnet18", pretrained=True)
        mine = torch.hub.load("./hubconf_dir", "model", source="local")
      `,
    },
    {
      name: 'a Hub model whose next use replaces every weight by a strict load_state_dict of a checkpoint keeps none of the published weights',
      code: py`
        import torch
        from transformers import SegformerForSemanticSegmentation, AutoModelForSequenceClassification, ViTForImageClassification
        device = "cuda" if torch.cuda.is_available() else "cpu"
        seg = SegformerForSemanticSegmentation.from_pretrained("nvidia/mit-b0", num_labels=6).to(device)
        ckpt = torch.load("best/seg_epoch20.pt", map_location=device, weights_only=True)
        seg.load_state_dict(ckpt["model_state_dict"])
        clf = AutoModelForSequenceClassification.from_pretrained("acme/roberta-reviews", num_labels=3)
        clf.load_state_dict(torch.load("clf.pt", weights_only=True), strict=True)
        clf.eval()
        def restore(path):
            vit = ViTForImageClassification.from_pretrained("google/vit-base-patch16-224", num_labels=10)
            vit.load_state_dict(torch.load(path, weights_only=True))
            return vit
      `,
    },
    {
      name: 'a local copy of a download read back by its own path, and a mirror read back from the repository it was pushed to',
      code: py`
        from transformers import AutoModelForCausalLM, MarianMTModel
        base = AutoModelForCausalLM.from_pretrained("huggyllama/llama-7b", revision="8416d3fefb0cb3ff5775a7b13c1692d10ff1aa16")
        base.save_pretrained("./llama-7b")
        local = AutoModelForCausalLM.from_pretrained("./llama-7b")
        mt = MarianMTModel.from_pretrained("Helsinki-NLP/opus-mt-en-de", revision="v1.0")
        mt.push_to_hub("acme-ml/opus-mt-en-de")
        mirrored = MarianMTModel.from_pretrained("acme-ml/opus-mt-en-de")
      `,
    },
  ],
  invalid: [
    {
      name: 'a download saved again under its repository part is a copy of it, not the file\'s own model: the download stays reported',
      code: [
        'from transformers import AutoModelForCausalLM, AutoTokenizer, MarianMTModel\n',
        'tokenizer = AutoTokenizer.from_pretrained("huggyllama/llama-7b")\nmodel = AutoModelForCausalLM.from_pretrained("huggyllama/llama-7b")\nmodel.save_pretrained("./llama-7b")\ntokenizer.save_pretrained(save_directory="llama-7b/")\n',
        'mt = MarianMTModel.from_pretrained("Helsinki-NLP/opus-mt-en-de")\nmt.push_to_hub("acme-ml/opus-mt-en-de")\n',
      ],
      findings: [
        { cell: 1, line: 1, message: /`AutoTokenizer\.from_pretrained\("huggyllama\/llama-7b"\)` has no `revision=`/ },
        { cell: 2, line: 1, message: /`MarianMTModel\.from_pretrained\("Helsinki-NLP\/opus-mt-en-de"\)` has no `revision=`/ },
      ],
    },
    {
      name: 'an account whose name only begins with a folder word is still an account',
      code: py`
        from transformers import AutoModel
        model = AutoModel.from_pretrained("modelscope-lab/bert-tiny")
      `,
      findings: [{ line: 2, message: /^`AutoModel\.from_pretrained\("modelscope-lab\/bert-tiny"\)` has no `revision=`/ }],
    },
    {
      name: 'an account whose name only begins with an input-folder word, or with one deeper in the name, is still an account',
      code: py`
        from transformers import LayoutLMv3Processor, TrOCRProcessor
        processor = TrOCRProcessor.from_pretrained("input-labs/trocr-cyrillic")
        layout = LayoutLMv3Processor.from_pretrained("dataminds/layoutlmv3-data")
      `,
      findings: [
        { line: 2, message: /^`TrOCRProcessor\.from_pretrained\("input-labs\/trocr-cyrillic"\)` has no `revision=`/ },
        { line: 3, message: /^`LayoutLMv3Processor\.from_pretrained\("dataminds\/layoutlmv3-data"\)` has no `revision=`/ },
      ],
    },
    {
      name: 'an account with a hyphen or a dot, and a repository name with underscores, are still on the Hub',
      code: py`
        from transformers import AutoModel
        clinical = AutoModel.from_pretrained("emily-alsentzer/Bio_ClinicalBERT")
        chinese = AutoModel.from_pretrained("hfl.v2/chinese_roberta")
      `,
      findings: [
        { line: 2, message: /^`AutoModel\.from_pretrained\("emily-alsentzer\/Bio_ClinicalBERT"\)` has no `revision=`/ },
        { line: 3, message: /^`AutoModel\.from_pretrained\("hfl\.v2\/chinese_roberta"\)` has no `revision=`/ },
      ],
    },
    {
      name: 'an archive unpacked into another folder does not make a Hub name local',
      code: py`
        import zipfile
        from transformers import AutoModel
        with zipfile.ZipFile("assets.zip") as archive:
            archive.extractall("assets-2")
        model = AutoModel.from_pretrained("bert-base-uncased")
      `,
      findings: [{ line: 5, message: /^`AutoModel\.from_pretrained\("bert-base-uncased"\)` has no `revision=`/ }],
    },
    {
      name: 'revision=None passes a revision that pins nothing, and the message says so',
      code: py`
        import torch
        from diffusers import StableDiffusionInpaintPipeline
        pipe = StableDiffusionInpaintPipeline.from_pretrained(
            "stabilityai/stable-diffusion-2-inpainting", torch_dtype=torch.float32, revision=None
        )
      `,
      findings: [{ line: 4, message: /^`StableDiffusionInpaintPipeline\.from_pretrained\("stabilityai\/stable-diffusion-2-inpainting"\)` passes `revision=None`, which pins nothing: it loads whatever is published/ }],
    },
    {
      name: 'tokenizer and model of one name with no revision: one dependency, one finding',
      code: py`
        from transformers import AutoModel, AutoTokenizer
        tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
        model = AutoModel.from_pretrained("bert-base-uncased")
      `,
      findings: [
        { line: 2, column: 43, message: /`AutoTokenizer\.from_pretrained\("bert-base-uncased"\)` has no `revision=`.*\(as does 1 other load of this name\)$/, related: 1 },
      ],
      noFix: true,
    },
    {
      name: 'one checkpoint name loaded in several cells, and a second model: one finding per name',
      code: [
        'from transformers import AutoModelForSequenceClassification, AutoTokenizer\ncheckpoint = "distilbert-base-uncased"\n',
        'tokenizer = AutoTokenizer.from_pretrained(checkpoint)\n',
        'model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=2)\nteacher = AutoModelForSequenceClassification.from_pretrained("bert-large-uncased")\n',
        'model = AutoModelForSequenceClassification.from_pretrained(checkpoint, num_labels=3)\n',
      ],
      findings: [
        { cell: 1, line: 1, message: /distilbert-base-uncased.*\(as do 2 other loads of this name\)$/, related: 2 },
        { cell: 2, line: 2, message: /bert-large-uncased/, related: 0 },
      ],
      noFix: true,
    },
    {
      name: 'module alias, a checkpoint constant and a revision on a branch',
      code: py`
        import transformers as tf
        CHECKPOINT = "distilbert/distilbert-base-uncased"
        model = tf.AutoModelForMaskedLM.from_pretrained(CHECKPOINT, revision="main")
      `,
      findings: [{ line: 3, column: 49, message: /follows the branch "main", which moves/ }],
    },
    {
      name: 'pipeline with no model at all, and with a model name',
      code: py`
        from transformers import pipeline
        sentiment = pipeline("sentiment-analysis")
        ner = pipeline(task="ner", model="dslim/bert-base-NER")
      `,
      findings: [
        { line: 2, column: 13, message: /`pipeline\("sentiment-analysis"\)` names no model: it downloads the library's default model/ },
        { line: 3, column: 34, message: /`pipeline\(model="dslim\/bert-base-NER"\)` has no `revision=`/ },
      ],
    },
    {
      name: 'one task asked of pipeline in several cells: one default model, one finding; another task is another',
      code: [
        'from transformers import pipeline\nner = pipeline("token-classification")\n',
        'grouped = pipeline("token-classification", aggregation_strategy="simple")\n',
        'qa = pipeline("question-answering")\n',
      ],
      findings: [
        { cell: 0, line: 2, message: /`pipeline\("token-classification"\)` names no model.*\(as does 1 other load of this task\)$/, related: 1 },
        { cell: 2, line: 1, message: /`pipeline\("question-answering"\)` names no model/, related: 0 },
      ],
    },
    {
      name: 'a local .save(path) covers only that path: an owner/ name ending in it, and other Hub models, stay reported',
      code: py`
        from sentence_transformers import SentenceTransformer
        model = SentenceTransformer("all-MiniLM-L6-v2")
        model.fit(train_objectives=[(loader, loss)], epochs=1)
        model.save("minilm-tuned-3")
        published = SentenceTransformer("acme/minilm-tuned-3")
      `,
      findings: [
        { line: 2, message: /`SentenceTransformer\("all-MiniLM-L6-v2"\)` has no `revision=`/ },
        { line: 5, message: /`SentenceTransformer\("acme\/minilm-tuned-3"\)` has no `revision=`/ },
      ],
    },
    {
      name: 'a download from another repository stays reported beside the repository the file creates',
      code: py`
        from huggingface_hub import create_repo, hf_hub_download
        REPO_ID = "jdoe/churn-net-demo"
        create_repo(REPO_ID, exist_ok=True)
        base = hf_hub_download("acme/tabular-encoder", "encoder.safetensors")
      `,
      findings: [{ line: 4, message: /^`hf_hub_download\("acme\/tabular-encoder"\)` has no `revision=`/ }],
    },
    {
      name: 'a download from another repository stays reported beside the repository the file commits into',
      code: py`
        from huggingface_hub import HfApi, hf_hub_download
        api = HfApi()
        api.create_commit("jdoe/price-models", operations=ops, commit_message="release")
        base = hf_hub_download("acme/price-encoder", "encoder.safetensors")
      `,
      findings: [{ line: 4, message: /^`hf_hub_download\("acme\/price-encoder"\)` has no `revision=`/ }],
    },
    {
      name: 'a Hub model whose repository is not one this file writes stays reported, next to the file\'s own output',
      code: py`
        from transformers import AutoModelForTokenClassification, TrainingArguments, pipeline
        args = TrainingArguments("bert-finetuned-ner", push_to_hub=True)
        base = AutoModelForTokenClassification.from_pretrained("dslim/bert-base-NER")
        mine = pipeline("token-classification", model="course-org/bert-finetuned-ner")
      `,
      findings: [{ line: 3, message: /`AutoModelForTokenClassification\.from_pretrained\("dslim\/bert-base-NER"\)` has no `revision=`/ }],
    },
    {
      name: 'hub downloads, sentence-transformers and torch.hub without a tag',
      code: py`
        import torch
        from huggingface_hub import hf_hub_download
        from sentence_transformers import SentenceTransformer
        weights = hf_hub_download(repo_id="org/detector", filename="model.safetensors")
        encoder = SentenceTransformer("all-MiniLM-L6-v2")
        yolo = torch.hub.load("ultralytics/yolov5", "yolov5s")
      `,
      findings: [
        { line: 4, message: /`hf_hub_download\("org\/detector"\)` has no `revision=`/ },
        { line: 5, message: /`SentenceTransformer\("all-MiniLM-L6-v2"\)`/ },
        { line: 6, message: /`torch\.hub\.load\("ultralytics\/yolov5"\)` has no `:tag`/ },
      ],
    },
    {
      name: 'the Hub\'s first models need no owner, and sentence-transformers adds its own to a bare name: still reported',
      code: py`
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, pipeline
        from sentence_transformers import SentenceTransformer
        summarizer = pipeline("summarization", model="t5-small")
        tokenizer = AutoTokenizer.from_pretrained("bert-base-multilingual-cased")
        model = AutoModelForSeq2SeqLM.from_pretrained("philschmid/bart-large-cnn-samsum")
        embedder = SentenceTransformer("paraphrase-multilingual-MiniLM-L12-v2")
      `,
      findings: [
        { line: 3, message: /`pipeline\(model="t5-small"\)` has no `revision=`/ },
        { line: 4, message: /`AutoTokenizer\.from_pretrained\("bert-base-multilingual-cased"\)`/ },
        { line: 5, message: /`AutoModelForSeq2SeqLM\.from_pretrained\("philschmid\/bart-large-cnn-samsum"\)`/ },
        { line: 6, message: /`SentenceTransformer\("paraphrase-multilingual-MiniLM-L12-v2"\)`/ },
      ],
    },
    {
      name: 'published weights kept: a load with strict=False, one under a condition, and the tokenizer of a model whose weights are replaced',
      code: py`
        import torch
        from transformers import AutoModel, AutoTokenizer, SegformerForSemanticSegmentation
        backbone = AutoModel.from_pretrained("acme/encoder-small")
        backbone.load_state_dict(torch.load("adapter.pt", weights_only=True), strict=False)
        seg = SegformerForSemanticSegmentation.from_pretrained("nvidia/mit-b1", num_labels=6)
        if RESUME:
            seg.load_state_dict(torch.load("seg.pt", weights_only=True))
        tok = AutoTokenizer.from_pretrained("acme/bert-tagger")
        tagger = AutoModel.from_pretrained("acme/bert-tagger")
        tagger.load_state_dict(torch.load("tagger.pt", weights_only=True))
      `,
      findings: [
        { line: 3, message: /`AutoModel\.from_pretrained\("acme\/encoder-small"\)`/ },
        { line: 5, message: /`SegformerForSemanticSegmentation\.from_pretrained\("nvidia\/mit-b1"\)`/ },
        { line: 8, message: /`AutoTokenizer\.from_pretrained\("acme\/bert-tagger"\)`/ },
      ],
    },
    {
      name: 'notebook: diffusers pipeline in a later cell',
      code: [
        '!pip install diffusers\nfrom diffusers import StableDiffusionPipeline\n',
        'pipe = StableDiffusionPipeline.from_pretrained("stable-diffusion-v1-5/stable-diffusion-v1-5")\n',
      ],
      findings: [{ cell: 1, line: 1, column: 48 }],
    },
  ],
});
