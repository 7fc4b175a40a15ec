#!/usr/bin/python3
"""Runs whole commands in turn on one file and prints, for each, the wall time (best and
median) and the mean CPU time in user space and in the kernel (getrusage of the children).

Why CPU time as well as wall time: on a shared virtual machine the wall time of a 100 ms
process varies by a third from run to run, while the split between user and kernel time says
where the time went (work done by the program, against pages mapped for it by the kernel),
which the wall time alone cannot.

    usage: bench/compare_runs.py ROUNDS FILE LABEL=COMMAND...

COMMAND gets FILE as its last argument; it may start with VAR=value assignments for its
environment. An exit status above 1 stops the run (1 is `pbp validate`'s answer for a model with
errors). Each round runs every command once, in the order given. Example:

    bench/compare_runs.py 25 national.json "pbp=build-bench/pbp validate" \\
        "mimalloc=LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libmimalloc.so.2 build-bench/pbp validate"
"""
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time


def parse(spec):
    label, sep, command = spec.partition("=")
    words = shlex.split(command)
    env = dict(os.environ)
    while words and "=" in words[0] and not words[0].startswith(("/", ".")):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if not sep or not label or not words:
        sys.exit(f"compare_runs.py: '{spec}' is not LABEL=COMMAND")
    return label, words, env


def main():
    if len(sys.argv) < 4 or not sys.argv[1].isdigit():
        sys.exit("usage: bench/compare_runs.py ROUNDS FILE LABEL=COMMAND...")
    rounds, file = int(sys.argv[1]), sys.argv[2]
    if not os.access(file, os.R_OK):
        sys.exit(f"compare_runs.py: cannot read {file}")
    runs = [parse(s) for s in sys.argv[3:]]
    wall = {label: [] for label, _, _ in runs}
    user = {label: [] for label, _, _ in runs}
    kernel = {label: [] for label, _, _ in runs}
    for _ in range(rounds):
        for label, words, env in runs:
            before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            status = subprocess.run(words + [file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    env=env).returncode
            end, after = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            if status > 1:  # pbp validate exits 1 for a model with errors: an answer, not a failure
                sys.exit(f"compare_runs.py: {label} failed ({status}): {shlex.join(words + [file])}")
            wall[label].append((end - start) * 1e3)
            user[label].append((after.ru_utime - before.ru_utime) * 1e3)
            kernel[label].append((after.ru_stime - before.ru_stime) * 1e3)
    print(f"{rounds} rounds, {file}; milliseconds")
    print(f"{'':12} {'wall best':>10} {'median':>8} {'user mean':>10} {'kernel mean':>12}")
    for label, _, _ in runs:
        print(f"{label:12} {min(wall[label]):10.1f} {statistics.median(wall[label]):8.1f} "
              f"{statistics.mean(user[label]):10.1f} {statistics.mean(kernel[label]):12.1f}")


if __name__ == "__main__":
    main()
