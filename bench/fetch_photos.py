#!/usr/bin/env python3
"""Writes the benchmark photos (not in git) as PNG files into a folder, default /work/photos.

    python3 bench/fetch_photos.py [--out DIR]

They come from two PyPI packages' bundled sample data, so a fresh machine rebuilds the same set:
scikit-image (rocket, astronaut, coffee, chelsea, brick, grass, gravel, hubble_deep_field, the
left view of stereo_motorcycle) and matplotlib (grace_hopper; the Jacksboro fault elevation model,
hill-shaded with the gist_earth colour map as in matplotlib's shading demo). bench/fill_quality.py,
bench/contour_separation.py and the photo scenes of bench/run.sh read them. Needs
`pip install scikit-image matplotlib opencv-python-headless` (a few of scikit-image's samples are
fetched by pooch on first use).

Two more photos go into a subfolder, held-out/ (no bench reads them: they are for looking at a
change on pictures nobody tuned on): scikit-learn's china.jpg (the Summer Palace's pagoda above
Kunming Lake: sky, haze, water, trees) and flower.jpg. They need `pip install scikit-learn`;
without it they are skipped with a note.
"""
import argparse
import os

import cv2
import numpy as np


def skimage_photos():
    import skimage.data as data
    for name in ["rocket", "astronaut", "coffee", "chelsea", "brick", "grass", "gravel",
                 "hubble_deep_field"]:
        yield name, getattr(data, name)()
    yield "motorcycle_left", data.stereo_motorcycle()[0]


def matplotlib_photos():
    import matplotlib.cbook as cbook
    from matplotlib import colormaps
    from matplotlib.colors import LightSource
    hopper = cv2.imread(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False), cv2.IMREAD_COLOR)
    yield "grace_hopper", cv2.cvtColor(hopper, cv2.COLOR_BGR2RGB)
    with np.load(cbook.get_sample_data("jacksboro_fault_dem.npz", asfileobj=False)) as dem:
        elevation = dem["elevation"].astype(np.float64)
    shaded = LightSource(azdeg=315, altdeg=45).shade(elevation, cmap=colormaps["gist_earth"],
                                                     vert_exag=0.05, blend_mode="overlay")
    yield "jacksboro_fault_dem", (np.clip(shaded[..., :3], 0, 1) * 255).round().astype(np.uint8)


def held_out_photos():
    try:
        import sklearn.datasets
    except ImportError:
        print("fetch_photos: scikit-learn is not installed; skipping held-out/ (pip install scikit-learn)")
        return
    folder = os.path.join(os.path.dirname(sklearn.datasets.__file__), "images")
    for name in ["china", "flower"]:
        yield name, cv2.cvtColor(cv2.imread(os.path.join(folder, name + ".jpg"), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def write(folder, name, rgb):
    if rgb.ndim == 2:
        rgb = np.stack([rgb] * 3, axis=-1)
    path = os.path.join(folder, name + ".png")
    temporary = path + ".part.png"
    cv2.imwrite(temporary, cv2.cvtColor(np.ascontiguousarray(rgb[..., :3]), cv2.COLOR_RGB2BGR))
    os.replace(temporary, path)
    print(f"{path}  {rgb.shape[1]}x{rgb.shape[0]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.environ.get("PICTURES", "/work/photos"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for source in (skimage_photos, matplotlib_photos):
        for name, rgb in source():
            write(args.out, name, rgb)
    held_out = os.path.join(args.out, "held-out")
    os.makedirs(held_out, exist_ok=True)
    for name, rgb in held_out_photos():
        write(held_out, name, rgb)


if __name__ == "__main__":
    main()
