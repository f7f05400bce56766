"""The other side's colours under a contour layer's edge.

python3 bench/under_edge.py PROJECT...  (made by `parallax init` + `parallax generate`)

Per contour layer with a top curve (after the first), the largest channel's difference between
the input's mean colours 2-10 rows above and below the curve ("sides"), and the share of the last
step's layer pixels (alpha 255, 2-26 rows below its edge) whose colour is nearer the mean above
than the mean below ("other-side"): the haze a fill of the whole strip leaves under a followed
edge. See docs/inpainters/builtin.md, round 16."""
import sys, json, glob, cv2, numpy as np
for d in sys.argv[1:]:
    s = json.load(open(f'{d}/scene.json')); im = cv2.imread(f'{d}/input.png').astype(float)
    h, w = im.shape[:2]; last = sorted(glob.glob(f'{d}/steps/*.png'))[-1]; k = last.split('/')[-1]
    out = []
    for i, L in enumerate(s['layers']):
        b = L.get('boundary')
        if not b or i == 0: continue
        above = np.concatenate([im[max(0, y - 11):max(0, y - 2), x] for x, y in enumerate(b)]).mean(0)
        below = np.concatenate([im[min(h, y + 2):min(h, y + 10), x] for x, y in enumerate(b)]).mean(0)
        diff = np.abs(above - below).max()
        strip = cv2.imread(f'{d}/layers/{i:02d}/{k}', cv2.IMREAD_UNCHANGED).astype(float)
        a = strip[:, :, 3]; near = other = 0
        for x in range(w):
            col = a[:, x]; top = int(np.argmax(col >= 128))
            for y in range(top + 2, min(top + 26, strip.shape[0])):
                if a[y, x] < 255: continue
                c = strip[y, x, :3]
                near += 1
                if np.abs(c - above).sum() < np.abs(c - below).sum(): other += 1
        out.append(f"{L['name'][:5]} sides {diff:5.1f} other-side {other / max(1, near):.3f}")
    print(f"{d.split('/')[-1]:26s}", " | ".join(out))
