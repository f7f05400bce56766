"""parallax-ray: parallax renders and batches on a Ray cluster."""

import argparse
import sys

from .binary import ParallaxNotFound

EXAMPLES = """examples:
  parallax-ray render my-project -o out.mp4 --segments 8
  parallax-ray render /shared/p -o /shared/out.mp4 --segments 32 \\
      --address head:6379 --crf 20
  parallax-ray batch pictures/*.png -o videos/ --step-shift 16
  parallax-ray batch /shared/in/*.png -o /shared/out --address auto

Flags not listed here go to parallax: render passes them to
`parallax render` (--codec, --crf, --preset, --interpolation),
batch to `parallax create` (--layers, --step-shift, --inpaint-worker).
Projects, pictures and outputs must be on storage every node mounts
at the same path (docs/distributed.md).
"""


def parser():
    root = argparse.ArgumentParser(prog="parallax-ray", description=__doc__, epilog=EXAMPLES,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = root.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="render one project as N frame-range segments, then join them",
                                 epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    render.add_argument("project", help="project folder (scene.json and steps/)")
    render.add_argument("-o", "--output", required=True, help="the joined video")
    render.add_argument("--segments", type=int, required=True, help="frame ranges to render as tasks")
    render.add_argument("--keep-parts", action="store_true", help="keep the parts folder after the join")
    batch = commands.add_parser("batch", help="one video per picture (parallax create), a summary at the end",
                                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    batch.add_argument("images", nargs="+", help="pictures (PNG)")
    batch.add_argument("-o", "--output", required=True, help="folder for the videos and their projects")
    batch.add_argument("--extension", default=".mp4", help="video file extension (default .mp4)")
    for command in (render, batch):
        command.add_argument("--address", help="Ray cluster address (host:port or auto); default: a local cluster")
        command.add_argument("--num-cpus", type=int, help="CPUs of the local cluster (without --address)")
        command.add_argument("--retries", type=int, default=2, help="times Ray retries a failed task (default 2)")
    return root


def main(argv=None):
    arguments, flags = parser().parse_known_args(argv)
    if arguments.command == "render" and arguments.segments < 1:
        print("parallax-ray: --segments must be at least 1", file=sys.stderr)
        return 2
    # Imported here so --help works fast and without a cluster.
    from . import batch, render
    from .cluster import connect
    from .tasks import scene_file
    import os
    if arguments.command == "render" and not os.path.exists(scene_file(os.path.abspath(arguments.project))):
        print(f"parallax-ray: {arguments.project}: no scene.json here", file=sys.stderr)
        return 1
    try:
        connect(arguments.address, arguments.num_cpus)
    except Exception as error:  # a wrong address, an unreachable head
        print(f"parallax-ray: cannot reach the Ray cluster ({arguments.address or 'local'}): "
              f"{str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__}", file=sys.stderr)
        return 1
    try:
        if arguments.command == "render":
            return render.main(arguments, flags)
        return batch.main(arguments, flags)
    except ParallaxNotFound as error:
        print(f"parallax-ray: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
