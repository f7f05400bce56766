#!/usr/bin/env python3
"""Stable Diffusion inpainting worker for parallax (Hugging Face diffusers, needs a GPU).

    pip install diffusers transformers accelerate torch pillow
    parallax generate PROJECT --prompt "a wide valley, oil painting" --timeout 300 \
        --inpaint-worker 'python3 docs/inpainters/diffusers_worker.py --model stabilityai/stable-diffusion-2-inpainting'

Speaks the JSON-lines protocol in protocol.md: one request per line on stdin, one reply per line on
stdout. The model loads once, at start. Each step crops the masked area with some context around
it, runs the pipeline at a size the model likes (multiples of 8, longest side --size), scales the
result back and writes the whole image; parallax pastes the known pixels back itself, so the VAE's
small changes outside the mask do not matter. Not run by the tests (no GPU there).
"""
import argparse
import json
import sys

import torch
from diffusers import AutoPipelineForInpainting
from PIL import Image


def log(message):
    print(f"diffusers_worker: {message}", file=sys.stderr, flush=True)


def crop_box(mask, context, width, height):
    """The mask's bounding box grown by `context` pixels, clamped to the image."""
    box = mask.point(lambda value: 255 if value > 0 else 0).getbbox()
    if box is None:
        return None
    left, top, right, bottom = box
    return (max(0, left - context), max(0, top - context), min(width, right + context), min(height, bottom + context))


def working_size(width, height, longest):
    scale = longest / max(width, height)
    return max(64, int(width * scale) // 8 * 8), max(64, int(height * scale) // 8 * 8)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="stabilityai/stable-diffusion-2-inpainting")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--steps", type=int, default=30, help="denoising steps")
    parser.add_argument("--guidance", type=float, default=7.5)
    parser.add_argument("--strength", type=float, default=1.0)
    parser.add_argument("--context", type=int, default=192, help="pixels of known image around the mask")
    parser.add_argument("--size", type=int, default=768, help="longest side the model works at")
    args = parser.parse_args()

    dtype = torch.float16 if args.device == "cuda" else torch.float32
    log(f"loading {args.model} on {args.device}")
    pipe = AutoPipelineForInpainting.from_pretrained(args.model, torch_dtype=dtype).to(args.device)
    pipe.set_progress_bar_config(disable=True)  # its bars would go to stderr anyway; keep the log short
    log("ready")

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            image = Image.open(request["image"]).convert("RGB")
            mask = Image.open(request["mask"]).convert("L")
            box = crop_box(mask, args.context, image.width, image.height)
            if box is not None:
                crop, crop_mask = image.crop(box), mask.crop(box)
                work_width, work_height = working_size(crop.width, crop.height, args.size)
                generator = torch.Generator(device=args.device).manual_seed(int(request["seed"]))
                result = pipe(
                    prompt=request.get("prompt") or "",
                    negative_prompt=request.get("negative_prompt") or None,
                    image=crop.resize((work_width, work_height), Image.LANCZOS),
                    mask_image=crop_mask.resize((work_width, work_height), Image.BILINEAR),
                    width=work_width, height=work_height,
                    num_inference_steps=args.steps, guidance_scale=args.guidance, strength=args.strength,
                    generator=generator,
                ).images[0]
                image.paste(result.resize(crop.size, Image.LANCZOS), box[:2])
            image.save(request["output"])
            reply = {"ok": True}
        except Exception as error:  # report and keep serving; parallax decides whether to retry
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
