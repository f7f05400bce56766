#!/usr/bin/env python3
"""Command-mode inpainter for parallax: fills one step with OpenCV's cv2.inpaint.

    parallax generate PROJECT --inpaint-command \
        'python3 docs/inpainters/opencv_inpaint.py {image} {mask} {output} --radius 5'

Reads IMAGE (RGB PNG) and MASK (gray PNG, non-zero = fill), writes OUTPUT (PNG, same size).
Exits non-zero with a one-line message on stderr when something is wrong.
"""
import argparse
import sys

import cv2


def inpaint(image_path, mask_path, output_path, radius=5, method="telea"):
    image = cv2.imread(image_path, cv2.IMREAD_COLOR)
    if image is None:
        raise ValueError(f"cannot read image {image_path}")
    mask = cv2.imread(mask_path, cv2.IMREAD_GRAYSCALE)
    if mask is None:
        raise ValueError(f"cannot read mask {mask_path}")
    if mask.shape != image.shape[:2]:
        raise ValueError(f"mask is {mask.shape[1]}x{mask.shape[0]}, image is {image.shape[1]}x{image.shape[0]}")
    flags = cv2.INPAINT_TELEA if method == "telea" else cv2.INPAINT_NS
    # Non-zero means "fill"; the step loop blends soft mask values back itself.
    binary = (mask > 0).astype("uint8") * 255
    filled = cv2.inpaint(image, binary, radius, flags)
    if not cv2.imwrite(output_path, filled):
        raise ValueError(f"cannot write {output_path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("image")
    parser.add_argument("mask")
    parser.add_argument("output")
    parser.add_argument("--radius", type=float, default=5)
    parser.add_argument("--method", choices=["telea", "ns"], default="telea")
    args = parser.parse_args()
    try:
        inpaint(args.image, args.mask, args.output, args.radius, args.method)
    except Exception as error:  # one line for parallax's error message
        print(f"opencv_inpaint: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
