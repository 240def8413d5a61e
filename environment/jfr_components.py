"""Main-thread JFR samples of a training step by component (environment/profile-training.sh).

Reads the text of `jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 40`,
keeps the main thread's samples inside MultiLayerNetwork.fit and files each under the first
frame, from the leaf outwards, that names a component; then lists the hottest leaf frames."""
import collections
import re
import sys

COMPONENTS = [
    ("OneDnnConvolution.forward", "oneDNN forward (convolution, padding, reorders)"),
    ("OneDnnConvolution.backward", "oneDNN backward"),
    ("OneDnnConvolution.<init>", "oneDNN set-up"),
    ("LatticeAveragePoolingLayer.activate", "pooling forward"),
    ("LatticeAveragePoolingLayer.backprop", "pooling backward"),
    ("PeriodicConvolutionLayer", "periodic layer (other)"),
    ("OneDnnPath", "periodic layer (other)"),
    ("PeriodicConvolutionEngine", "periodic layer (other)"),
    ("pdater", "updater"),
    ("OutputLayer", "output layer, loss, score"),
    ("LossMSE", "output layer, loss, score"),
    ("computeScore", "output layer, loss, score"),
    ("BaseLayer.activate", "dense layers"),
    ("BaseLayer.preOutput", "dense layers"),
    ("BaseLayer.backpropGradient", "dense layers"),
    ("Workspace", "DL4J workspaces"),
    ("MultiLayerNetwork", "MultiLayerNetwork (other)"),
]

text = open(sys.argv[1]).read()
component, leaf, total = collections.Counter(), collections.Counter(), 0
for body in re.findall(r"jdk\.(?:ExecutionSample|NativeMethodSample) \{(.*?)\n\}", text, re.S):
    if 'sampledThread = "main"' not in body or "stackTrace = [" not in body:
        continue
    frames = re.findall(r"^\s{4}(\S.*?)(?: line: \d+)?$", body.split("stackTrace = [")[1], re.M)
    if not any("MultiLayerNetwork.fit" in f for f in frames):
        continue
    total += 1
    leaf[frames[0].split("(")[0]] += 1
    component[next((name for f in frames for key, name in COMPONENTS if key in f), "other")] += 1
print(f"main-thread samples in MultiLayerNetwork.fit: {total}")
for name, count in component.most_common():
    print(f"  {100 * count / total:5.1f} %  {name}")
print("hottest leaf frames:")
for name, count in leaf.most_common(12):
    print(f"  {100 * count / total:5.1f} %  {name}")
