"""Compile relnet's numba kernels into numba's on-disk cache.

``make lab`` and ``make test`` run this once after installing (``python -m
relnet.network._kernels``), so that the first analysis in a new process loads compiled code
instead of compiling for several seconds. Running it again is cheap: numba finds its cache.
"""

import time


def warm():
    """Run every kernel once on a shipped case, with the argument types real use passes."""
    from ...data.examples import load_example
    from ..indicators import relational_profile
    from ..metrics import actor_metrics, centrality_batch, network_metrics

    case = load_example("haverdonk")
    for exact in (True, False):
        actor_metrics(case, exact=exact)
        network_metrics(case, exact=exact)
    centrality_batch(case, progress=False)
    relational_profile(case)


if __name__ == "__main__":
    start = time.perf_counter()
    warm()
    print(f"relnet: kernels compiled and cached ({time.perf_counter() - start:.0f} s)")
