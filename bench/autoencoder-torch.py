"""PyTorch reference for bench/autoencoder.ts: the same data, network, batch size and optimizer.

Usage: autoencoder-torch.py DATA ROWS COLUMNS HIDDEN BATCH EPOCHS THREADS SEED
DATA is little-endian float32, row-major. Prints one JSON object: wall and CPU seconds and loss per epoch.
"""
import json
import sys
import time

import numpy as np
import torch


def main() -> None:
    path = sys.argv[1]
    rows, columns, hidden, batch, epochs, threads, seed = (int(value) for value in sys.argv[2:9])
    torch.set_num_threads(threads)
    torch.manual_seed(seed)

    # Standardise in float64 with the population std floored at 1e-6, then float32, as the TypeScript side.
    data = np.fromfile(path, dtype="<f4").reshape(rows, columns).astype(np.float64)
    mean = data.mean(axis=0)
    std = np.maximum(data.std(axis=0), 1e-6)
    inputs = torch.from_numpy(((data - mean) / std).astype(np.float32))

    sizes = [columns, 2 * hidden, hidden, 2 * hidden, columns]
    layers: list[torch.nn.Module] = []
    for index in range(4):
        linear = torch.nn.Linear(sizes[index], sizes[index + 1])
        # Glorot-uniform kernels and zero biases: the tfjs/Keras dense defaults.
        torch.nn.init.xavier_uniform_(linear.weight)
        torch.nn.init.zeros_(linear.bias)
        layers.append(linear)
        if index < 3:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(seed)

    seconds, cpu_seconds, losses = [], [], []
    for _ in range(epochs):
        started = time.perf_counter()
        cpu_started = time.process_time()
        order = torch.randperm(rows, generator=generator)
        total = 0.0
        for start in range(0, rows, batch):
            features = inputs[order[start : start + batch]]
            optimizer.zero_grad(set_to_none=True)
            loss = torch.nn.functional.mse_loss(model(features), features)
            loss.backward()
            optimizer.step()
            total += loss.item() * features.shape[0]
        seconds.append(time.perf_counter() - started)
        cpu_seconds.append(time.process_time() - cpu_started)
        losses.append(total / rows)

    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "seconds": seconds, "cpuSeconds": cpu_seconds, "losses": losses}))


if __name__ == "__main__":
    main()
