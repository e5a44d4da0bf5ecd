"""Compile relnet's numba kernels into numba's on-disk cache.

``make lab`` and ``make test`` run this once after installing (``python -m
relnet.network._kernels``), so that the first analysis in a new process loads compiled code
instead of compiling for several seconds. Running it again is cheap: numba finds its cache.
"""

import time


def warm():
    """Run every kernel once on a shipped case, with the argument types real use passes."""
    import relnet

    case = relnet.load_example("haverdonk")
    for exact in (True, False):
        relnet.actor_metrics(case, exact=exact)
        relnet.network_metrics(case, exact=exact)
    relnet.centrality_batch(case, progress=False)
    relnet.relational_profile(case)


if __name__ == "__main__":
    start = time.perf_counter()
    warm()
    print(f"relnet: kernels compiled and cached ({time.perf_counter() - start:.0f} s)")
