"""Connecting to Ray: a cluster at an address, or a local one."""

import os

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

import ray  # noqa: E402


def connect(address=None, num_cpus=None):
    """Joins the cluster at `address` ("host:port" or "auto"), or starts a local one."""
    options = {"logging_level": "WARNING", "log_to_driver": False, "include_dashboard": False}
    if address:
        ray.init(address=address, logging_level="WARNING", log_to_driver=False)
    else:
        # A local cluster listens on loopback only: nothing outside this machine can reach it.
        ray.init(num_cpus=num_cpus, _node_ip_address="127.0.0.1", **options)


def failure_message(error):
    """The one line a failed task's exception carries (not Ray's traceback)."""
    cause = getattr(error, "cause", None)
    if cause is not None and str(cause):
        return str(cause).strip().splitlines()[-1]
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__
