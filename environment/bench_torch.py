"""PyTorch side of environment/bench-training.sh: the same network, batch and optimizer as the
Java side (latticeq.nn.TrainingBenchmark). Prints lines '<name> <train|infer> <size> <value> samples/s'."""
import sys
import time

import torch
import torch.nn as nn

torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
WARMUP = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0  # seconds of untimed steps before each training measurement
INFER_WARMUP = min(WARMUP, 3.0)  # and before each inference measurement, as on the Java side
torch.manual_seed(1)


def net(channels, dense=16):
    layers, cin = [], 4
    for c in channels:
        layers += [nn.Conv2d(cin, c, 3, padding=1, padding_mode="circular"), nn.Tanh()]
        cin = c
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(cin, dense), nn.LeakyReLU(), nn.Linear(dense, 2)]
    return nn.Sequential(*layers)


def batches(count, batch, nt, nx):
    g = torch.Generator().manual_seed(1)
    return [(torch.randint(-2, 3, (batch, 4, nt, nx), generator=g).float(), torch.rand(batch, 2, generator=g))
            for _ in range(count)]


def train(model, data, seconds):
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.0, amsgrad=True)
    loss_fn = nn.MSELoss()

    def step(x, y):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    i, t0 = 0, time.perf_counter()
    while i < 20 or time.perf_counter() - t0 < WARMUP:
        step(*data[i % len(data)])
        i += 1
    t0, c0, n, i = time.perf_counter(), time.process_time(), 0, 0
    while time.perf_counter() - t0 < seconds:
        x, y = data[i % len(data)]
        step(x, y)
        n += x.shape[0]
        i += 1
    return rate(n, t0, c0)


def rate(n, t0, c0):
    return f"{n / (time.perf_counter() - t0):.1f} samples/s ({n / (time.process_time() - c0):.1f} per cpu-s)"


def infer(model, data, seconds):
    with torch.no_grad():
        i, t0 = 0, time.perf_counter()
        while i < 10 or time.perf_counter() - t0 < INFER_WARMUP:
            model(data[i % len(data)][0])
            i += 1
        t0, c0, n, i = time.perf_counter(), time.process_time(), 0, 0
        while time.perf_counter() - t0 < seconds:
            x = data[i % len(data)][0]
            n += model(x).shape[0]
            i += 1
    return rate(n, t0, c0)


small, big = batches(50, 100, 60, 4), batches(5, 100, 200, 10)
print(f"torch {torch.__version__} threads {torch.get_num_threads()}")
m = net([16, 16])
print(f"pytorch train 60x4 {train(m, small, SECONDS)}")
print(f"pytorch infer 60x4 {infer(m, small, SECONDS)}")
print(f"pytorch infer 200x10 {infer(m, big, SECONDS)}")
m = net([22, 22, 22])
print(f"pytorch-largest train 60x4 {train(m, small, SECONDS)}")
print(f"pytorch-largest infer 60x4 {infer(m, small, SECONDS)}")
