"""Compile relnet's numba kernels into numba's on-disk cache.

``make lab`` and ``make test`` run this once after installing (``python -m
relnet.network._kernels``), so that the first analysis in a new process loads compiled code
instead of compiling for several seconds. Running it again is cheap: numba finds its cache.
"""

import time


def warm():
    """Run every kernel once on a shipped case, with the argument types real use passes."""
    from ...data.examples import load_example
    from ...synth import generate_case
    from .._cache import snapshot
    from ..indicators import relational_profile
    from ..metrics import actor_metrics, centrality_batch, network_metrics
    from .paths import betweenness_weighted, shortest_path_centralities

    case = load_example("haverdonk")
    for exact in (True, False):
        actor_metrics(case, exact=exact)
        network_metrics(case, exact=exact)
    centrality_batch(case, progress=False)
    relational_profile(case)
    # the compiled kernels run above SMALL actors only: compile them on their own
    arrays = snapshot(generate_case(60, seed=0)).arrays
    shortest_path_centralities(arrays)
    shortest_path_centralities(arrays, chunk=7, progress=lambda done: None)
    betweenness_weighted(arrays)


if __name__ == "__main__":
    start = time.perf_counter()
    warm()
    print(f"relnet: kernels compiled and cached ({time.perf_counter() - start:.0f} s)")
