/// The page's script: plain JavaScript over the HTTP API in docs/studio.md (no build step).
enum StudioScript {
    static let source = #"""
    "use strict";
    const $ = (id) => document.getElementById(id);
    const state = {
      scene: null, plan: null, history: [], picture: new Image(), steps: new Map(), version: 0,
      stepsOnDisk: 0, pending: 0, time: 0, playing: false, lastTick: 0, job: null,
      counts: { progress: 0, step: 0, job: 0, log: 0 }, lastJob: null,
    };
    window.studio = state;

    async function api(method, path, body) {
      const options = { method, headers: {} };
      if (body !== undefined) {
        options.headers["Content-Type"] = "application/json";
        options.body = typeof body === "string" ? body : JSON.stringify(body);
      }
      const response = await fetch(path, options);
      const text = await response.text();
      let data;
      try { data = JSON.parse(text); } catch (error) { data = { error: text }; }
      return { ok: response.ok, status: response.status, data };
    }

    function say(text) { $("message").textContent = text; }

    // ---- See: the picture, the boundaries, names, speeds and arrows ----

    function scale() { return $("picture").clientHeight / state.plan.height; }

    function drawOverlay() {
      const canvas = $("overlay"), picture = $("picture"), plan = state.plan;
      if (!plan || !picture.clientWidth) return;
      canvas.width = picture.clientWidth; canvas.height = picture.clientHeight;
      const context = canvas.getContext("2d"), k = scale();
      context.lineWidth = 2;
      plan.layers.forEach((layer, index) => {
        if (index > 0) {
          context.strokeStyle = "#ffd60a";
          context.beginPath();
          layer.top.forEach((row, x) => {
            if (x === 0) context.moveTo(0, row * k); else context.lineTo(x * k, row * k);
          });
          context.lineTo(plan.width * k, layer.top[layer.top.length - 1] * k);
          context.stroke();
        }
        const top = Math.min(...layer.top), bottom = Math.max(...layer.bottom);
        const middle = (top + bottom) / 2 * k;
        context.font = "bold 13px system-ui, sans-serif";
        const label = `${layer.name} · ${layer.speed.toFixed(3)}`;
        context.fillStyle = "rgba(0,0,0,.55)";
        context.fillRect(4, middle - 10, context.measureText(label).width + 8, 18);
        context.fillStyle = "#fff";
        context.fillText(label, 8, middle + 4);
        drawArrow(context, canvas.width - 60, middle, layer);
      });
      context.setLineDash([6, 4]);
      context.strokeStyle = "#4cc9f0";
      for (const object of plan.objects) {
        const [x, y, w, h] = object.box;
        context.strokeRect(x * k, y * k, w * k, h * k);
        context.fillStyle = "#4cc9f0";
        context.fillText(object.name, x * k + 3, y * k + 14);
      }
      context.setLineDash([]);
    }

    function drawArrow(context, x, y, layer) {
      context.strokeStyle = context.fillStyle = "#ffd60a";
      if (layer.speed === 0) { context.fillRect(x - 4, y - 4, 8, 8); return; }
      const length = 12 + 36 * layer.speed, angle = layer.direction * Math.PI / 180;
      const dx = Math.cos(angle) * length, dy = -Math.sin(angle) * length;
      context.beginPath(); context.moveTo(x - dx / 2, y - dy / 2); context.lineTo(x + dx / 2, y + dy / 2); context.stroke();
      const tip = Math.atan2(dy, dx);
      context.beginPath();
      context.moveTo(x + dx / 2, y + dy / 2);
      context.lineTo(x + dx / 2 - 8 * Math.cos(tip - 0.5), y + dy / 2 - 8 * Math.sin(tip - 0.5));
      context.lineTo(x + dx / 2 - 8 * Math.cos(tip + 0.5), y + dy / 2 - 8 * Math.sin(tip + 0.5));
      context.fill();
    }

    // ---- Shape: boundaries, dial, fields, layer table, undo ----

    function placeHandles() {
      const box = $("handles"), plan = state.plan;
      box.textContent = "";
      if (!plan || !$("picture").clientHeight) return;
      const k = scale();
      plan.layers.slice(1).forEach((layer, index) => {
        const handle = document.createElement("div");
        handle.className = "handle";
        handle.dataset.boundary = String(index);
        handle.title = `boundary ${index}: drag up or down`;
        // The handle sits at the boundary's median row, the row that stands for it in the heights.
        const row = median(layer.top);
        handle.style.top = `${row * k}px`;
        handle.addEventListener("pointerdown", (event) => startDrag(event, handle, index, row * k));
        box.appendChild(handle);
      });
    }

    function startDrag(event, handle, index, startTop) {
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      handle.classList.add("dragging");
      const startY = event.clientY;
      const move = (moveEvent) => { handle.style.top = `${startTop + moveEvent.clientY - startY}px`; };
      const end = (endEvent) => {
        handle.removeEventListener("pointermove", move);
        handle.removeEventListener("pointerup", end);
        handle.classList.remove("dragging");
        const rows = Math.round((endEvent.clientY - startY) / scale());
        if (rows !== 0) moveBoundary(index, rows); else placeHandles();
      };
      handle.addEventListener("pointermove", move);
      handle.addEventListener("pointerup", end);
    }

    // Boundary i sits between layers i and i+1: the upper grows by `rows`, the lower shrinks,
    // and a contour boundary moves as a whole.
    function moveBoundary(index, rows) {
      if ($("snap").checked) { snapBoundary(index, rows); return; }
      const scene = structuredClone(state.scene), upper = scene.layers[index], lower = scene.layers[index + 1];
      upper.height += rows;
      if (lower.height !== undefined) lower.height -= rows;
      if (Array.isArray(lower.boundary)) {
        lower.boundary = lower.boundary.map((row) => Math.min(state.plan.height, Math.max(0, row + rows)));
      }
      commit(scene, `boundary ${index} moved ${rows > 0 ? "down" : "up"} ${Math.abs(rows)} rows`);
    }

    function median(rows) { return [...rows].sort((a, b) => a - b)[Math.floor(rows.length / 2)]; }

    // The server finds the boundary again along the picture's edges near the drop; the layer
    // heights follow its median row, as init sets them for a contour.
    async function snapBoundary(index, rows) {
      const before = median(state.plan.layers[index + 1].top);
      const result = await api("POST", "api/snap", { boundary: index, row: before + rows });
      if (!result.ok) { $("scene-error").textContent = result.data.error; render(); return; }
      const scene = structuredClone(state.scene), upper = scene.layers[index], lower = scene.layers[index + 1];
      const moved = result.data.row - before;
      upper.height += moved;
      if (lower.height !== undefined) lower.height -= moved;
      lower.boundary = result.data.boundary;
      commit(scene, `boundary ${index} follows the picture near row ${before + rows}`);
    }

    function splitLayer(index) {
      const scene = structuredClone(state.scene), layer = scene.layers[index], planned = state.plan.layers[index];
      const rows = layer.height !== undefined ? layer.height
        : Math.round(planned.bottom.reduce((a, b) => a + b, 0) / planned.bottom.length
                     - planned.top.reduce((a, b) => a + b, 0) / planned.top.length);
      const lowerRows = Math.floor(rows / 2);
      const copy = structuredClone(layer);
      delete copy.boundary;
      copy.name = `${layer.name}-2`;
      if (layer.height !== undefined) copy.height = lowerRows;
      layer.height = rows - lowerRows;
      scene.layers.splice(index + 1, 0, copy);
      commit(scene, `split ${layer.name}`);
    }

    function removeBoundary(index) {
      const scene = structuredClone(state.scene), upper = scene.layers[index], lower = scene.layers[index + 1];
      if (lower.height === undefined) delete upper.height; else upper.height += lower.height;
      scene.layers.splice(index + 1, 1);
      commit(scene, `removed the boundary below ${upper.name}`);
    }

    // `pending` counts saves under way (tests wait for 0 before the next gesture).
    async function commit(scene, what, undoable = true) {
      state.pending++;
      try {
        const before = state.scene;
        const result = await api("PUT", "api/scene", scene);
        if (!result.ok) {
          $("scene-error").textContent = result.data.error || `refused (${result.status})`;
          render();
          return false;
        }
        if (undoable) state.history.push(before);
        $("scene-error").textContent = "";
        state.plan = result.data;
        state.scene = (await api("GET", "api/scene")).data;
        say(`saved: ${what}`);
        render();
        return true;
      } finally {
        state.pending--;
      }
    }

    function undo() {
      const previous = state.history.pop();
      if (previous) commit(previous, "undo", false);
    }

    function dialAngle(event) {
      const box = $("dial").getBoundingClientRect();
      const x = event.clientX - (box.left + box.width / 2), y = event.clientY - (box.top + box.height / 2);
      const degrees = (Math.atan2(-y, x) * 180 / Math.PI + 360) % 360;
      // Whole degrees, pulled onto the nearest multiple of 45 within 4 degrees.
      const snapped = Math.round(degrees / 45) * 45;
      return (Math.abs(degrees - snapped) <= 4 ? snapped : Math.round(degrees)) % 360;
    }

    function showDirection(degrees) {
      const radians = degrees * Math.PI / 180;
      $("needle").setAttribute("x2", String(40 * Math.cos(radians)));
      $("needle").setAttribute("y2", String(-40 * Math.sin(radians)));
      $("direction").value = String(degrees);
    }

    function setupDial() {
      const dial = $("dial");
      let dragging = false;
      dial.addEventListener("pointerdown", (event) => {
        dragging = true; dial.setPointerCapture(event.pointerId); showDirection(dialAngle(event));
      });
      dial.addEventListener("pointermove", (event) => { if (dragging) showDirection(dialAngle(event)); });
      dial.addEventListener("pointerup", (event) => {
        if (!dragging) return;
        dragging = false;
        setField("direction", dialAngle(event));
      });
    }

    function setField(key, value) {
      if (typeof value === "number" && !Number.isFinite(value)) { render(); return; }
      const scene = structuredClone(state.scene);
      if (value === "" || value === undefined) delete scene[key]; else scene[key] = value;
      commit(scene, `${key} = ${value === "" ? "auto" : value}`);
    }

    // A rate stays a number when it is one and a "30000/1001" string otherwise.
    function rateValue(text) { return /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text.trim(); }

    function setupFields() {
      // An emptied number field is no value at all (NaN), not 0: it is put back, not sent.
      const number = (text) => (text.trim() === "" ? NaN : Number(text));
      $("direction").addEventListener("change", (e) => setField("direction", number(e.target.value)));
      $("stepShift").addEventListener("change", (e) => setField("stepShift", number(e.target.value)));
      $("stepsPerSecond").addEventListener("change", (e) => setField("stepsPerSecond", rateValue(e.target.value)));
      $("fps").addEventListener("change", (e) => setField("fps", rateValue(e.target.value)));
      $("steps").addEventListener("change", (e) => setField("steps", e.target.value === "" ? "" : Number(e.target.value)));
      $("undo").addEventListener("click", undo);
    }

    const presets = ["foreground", "background", "cloud", "horizon"];

    function depthOf(layer) {
      if (layer.distance !== undefined) return ["distance", layer.distance];
      if (layer.preset !== undefined) return ["preset", layer.preset];
      return ["speed", layer.speed];
    }

    function layerRow(layer, index) {
      const row = document.createElement("tr");
      const planned = state.plan.layers[index];
      const [kind, value] = depthOf(layer);
      const name = Object.assign(document.createElement("input"), { value: layer.name, type: "text" });
      name.addEventListener("change", () => editLayer(index, (l) => { l.name = name.value; }));
      const kindSelect = document.createElement("select");
      for (const option of ["speed", "distance", "preset"]) kindSelect.add(new Option(option, option, false, option === kind));
      let valueControl;
      if (kind === "preset") {
        valueControl = document.createElement("select");
        for (const preset of presets) valueControl.add(new Option(preset, preset, false, preset === value));
      } else {
        valueControl = Object.assign(document.createElement("input"), { type: "number", step: "any", value: String(value) });
      }
      const setDepth = () => editLayer(index, (l) => {
        delete l.speed; delete l.distance; delete l.preset;
        const chosen = kindSelect.value;
        if (chosen === "preset") l.preset = presets.includes(valueControl.value) ? valueControl.value : "background";
        else if (chosen === kind) l[chosen] = Number(valueControl.value);
        else l[chosen] = chosen === "speed" ? planned.speed : 100;
      });
      kindSelect.addEventListener("change", setDepth);
      valueControl.addEventListener("change", setDepth);
      const direction = Object.assign(document.createElement("input"), {
        type: "number", step: "any", placeholder: "scene",
        value: layer.direction === undefined ? "" : String(layer.direction),
      });
      direction.addEventListener("change", () => editLayer(index, (l) => {
        if (direction.value === "") delete l.direction; else l.direction = Number(direction.value);
      }));
      const top = Math.min(...planned.top), bottom = Math.max(...planned.bottom);
      const rows = document.createElement("span");
      rows.textContent = `${top}–${bottom}${layer.boundary ? " contour" : ""}`;
      const buttons = document.createElement("span");
      const split = Object.assign(document.createElement("button"), { textContent: "split", title: "add a boundary inside this layer" });
      split.addEventListener("click", () => splitLayer(index));
      buttons.appendChild(split);
      if (index + 1 < state.scene.layers.length) {
        const remove = Object.assign(document.createElement("button"), { textContent: "merge ↓", title: "remove the boundary below" });
        remove.addEventListener("click", () => removeBoundary(index));
        buttons.appendChild(remove);
      }
      for (const control of [name, kindSelect, valueControl, direction, rows, buttons]) {
        const cell = document.createElement("td"); cell.appendChild(control); row.appendChild(cell);
      }
      return row;
    }

    function editLayer(index, change) {
      const scene = structuredClone(state.scene);
      change(scene.layers[index]);
      commit(scene, `layer ${scene.layers[index].name}`);
    }

    function render() {
      const scene = state.scene, plan = state.plan;
      if (!scene || !plan) return;
      showDirection(scene.direction);
      $("stepShift").value = String(scene.stepShift);
      $("stepsPerSecond").value = String(scene.stepsPerSecond);
      $("fps").value = String(scene.fps);
      $("steps").value = scene.steps === undefined ? "" : String(scene.steps);
      const body = $("layers").tBodies[0];
      body.textContent = "";
      scene.layers.forEach((layer, index) => body.appendChild(layerRow(layer, index)));
      $("undo").disabled = state.history.length === 0;
      const seconds = plan.steps / plan.stepsPerSecond;
      $("summary").textContent = `${plan.width}×${plan.height} · ${plan.layers.length} layers · ${plan.steps} steps · ${seconds.toFixed(1)} s at ${plan.fps} fps`;
      drawOverlay();
      placeHandles();
      drawPreview();
    }

    // ---- Preview: the bands sliding at their true speeds, gaps as a checkerboard ----

    function duration() { return state.plan.steps / state.plan.stepsPerSecond; }

    function stepImage(step) {
      if (step >= state.stepsOnDisk) return null;
      const key = `${step}:${state.version}`;
      if (!state.steps.has(key)) {
        const image = new Image();
        image.onload = () => drawPreview();
        image.src = `files/steps/${String(step).padStart(6, "0")}.png?v=${state.version}`;
        state.steps.set(key, image);
      }
      const image = state.steps.get(key);
      return image.complete && image.naturalWidth ? image : null;
    }

    function regionPath(layer) {
      const path = new Path2D();
      const width = layer.top.length;
      path.moveTo(0, layer.top[0]);
      for (let x = 0; x < width; x++) { path.lineTo(x, layer.top[x]); path.lineTo(x + 1, layer.top[x]); }
      for (let x = width - 1; x >= 0; x--) { path.lineTo(x + 1, layer.bottom[x]); path.lineTo(x, layer.bottom[x]); }
      path.closePath();
      return path;
    }

    function drawChecker(context, width, height) {
      const size = 16;
      for (let y = 0; y < height; y += size) {
        for (let x = 0; x < width; x += size) {
          context.fillStyle = ((x + y) / size) % 2 === 0 ? "#8a8a8a" : "#c8c8c8";
          context.fillRect(x, y, size, size);
        }
      }
    }

    function drawPreview() {
      const plan = state.plan, canvas = $("preview");
      if (!plan) return;
      const zoom = Math.min(1, 640 / plan.width);
      const width = Math.round(plan.width * zoom), height = Math.round(plan.height * zoom);
      if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
      const context = canvas.getContext("2d");
      context.setTransform(zoom, 0, 0, zoom, 0, 0);
      drawChecker(context, plan.width, plan.height);
      const fromSteps = $("source").value === "steps" && state.stepsOnDisk > plan.steps;
      // Output frames only: time snaps to the frame clock.
      const frame = Math.floor(state.time * plan.fps + 1e-9);
      const steps = Math.min(frame * plan.stepsPerSecond / plan.fps, plan.steps);
      let step = Math.floor(steps), fraction = steps - step;
      if (step >= plan.steps) { step = plan.steps; fraction = 0; }
      for (const layer of plan.layers) {
        const [vx, vy] = layer.velocity;
        context.save();
        context.clip(regionPath(layer));
        if (!fromSteps) {
          if (state.picture.complete && state.picture.naturalWidth) context.drawImage(state.picture, steps * vx, steps * vy);
        } else {
          const next = fraction > 0 ? stepImage(step + 1) : null, current = stepImage(step);
          if (next) context.drawImage(next, (fraction - 1) * vx, (fraction - 1) * vy);
          if (current) context.drawImage(current, fraction * vx, fraction * vy);
        }
        context.restore();
      }
      const total = duration();
      $("clock").textContent = `${(frame / plan.fps).toFixed(2)} / ${total.toFixed(2)} s · frame ${frame} · step ${steps.toFixed(2)}`;
      $("scrub").value = String(Math.round(1000 * Math.min(1, state.time / total)));
    }

    function tick(now) {
      if (!state.playing) return;
      const elapsed = (now - state.lastTick) / 1000;
      state.lastTick = now;
      state.time += elapsed;
      if (state.time > duration()) state.time = 0;
      drawPreview();
      requestAnimationFrame(tick);
    }

    function setupPreview() {
      $("play").addEventListener("click", () => {
        state.playing = !state.playing;
        $("play").textContent = state.playing ? "Pause" : "Play";
        state.lastTick = performance.now();
        if (state.playing) requestAnimationFrame(tick);
      });
      $("scrub").addEventListener("input", (event) => {
        state.time = Number(event.target.value) / 1000 * duration();
        drawPreview();
      });
      $("source").addEventListener("change", drawPreview);
    }

    // ---- Run: generate, render, progress, thumbnails, video, contact sheet ----

    // `file` is relative to the project, as the step event and the journal name it.
    function addThumbnail(file, step) {
      const image = document.createElement("img");
      image.src = `files/${file}?v=${state.version}`;
      image.alt = image.title = `step ${step}`;
      $("thumbs").appendChild(image);
      while ($("thumbs").children.length > 48) $("thumbs").firstChild.remove();
    }

    function showResults(status) {
      if (status.video) { $("video").src = `${status.video}?v=${Date.now()}`; $("video").hidden = false; }
      if (status.sheet) { $("sheet").src = `${status.sheet}?v=${Date.now()}`; $("sheet").hidden = false; }
    }

    function setBusy(job) {
      state.job = job;
      $("generate").disabled = $("render").disabled = job !== null;
      $("cancel").disabled = job === null;
    }

    function log(line) {
      const box = $("log");
      box.textContent += line + "\n";
      box.scrollTop = box.scrollHeight;
    }

    async function start(kind) {
      const body = kind === "generate" ? { restart: $("restart").checked } : {};
      const result = await api("POST", `api/${kind}`, body);
      if (!result.ok) say(result.data.error || `cannot start ${kind}`);
    }

    function connectEvents() {
      const events = new EventSource("api/events");
      events.addEventListener("hello", (event) => {
        const status = JSON.parse(event.data);
        state.stepsOnDisk = status.stepsOnDisk;
        setBusy(status.job);
        $("thumbs").textContent = "";
        for (const step of status.journalSteps.slice(-48)) addThumbnail(`steps/${String(step).padStart(6, "0")}.png`, step);
        if (state.plan && status.stepsOnDisk > state.plan.steps) $("source").value = "steps";
        showResults(status);
        drawPreview();
      });
      events.addEventListener("job", async (event) => {
        const job = JSON.parse(event.data);
        state.counts.job++;
        state.lastJob = job;
        if (job.state === "started") {
          setBusy(job.kind);
          state.version++;
          if (job.kind === "generate") $("thumbs").textContent = "";
          say(`${job.kind} started`);
          return;
        }
        setBusy(null);
        say(`${job.kind} ${job.state}${job.message ? ": " + job.message : ""}`);
        const status = (await api("GET", "api/status")).data;
        state.stepsOnDisk = status.stepsOnDisk;
        if (job.kind === "generate" && job.state === "finished") $("source").value = "steps";
        if (job.kind === "render" && job.state === "finished") showResults(status);
        drawPreview();
      });
      events.addEventListener("progress", (event) => {
        const progress = JSON.parse(event.data);
        state.counts.progress++;
        $("progress").value = progress.done / progress.total;
        $("progress-text").textContent =
          `${progress.label} ${progress.done}/${progress.total} · ${progress.rate} ${progress.unit} · ETA ${progress.eta}`;
      });
      events.addEventListener("step", (event) => {
        const step = JSON.parse(event.data);
        state.counts.step++;
        state.stepsOnDisk = Math.max(state.stepsOnDisk, step.step + 1);
        addThumbnail(step.file, step.step);
      });
      events.addEventListener("log", (event) => { state.counts.log++; log(JSON.parse(event.data).line); });
      events.addEventListener("scene", () => { state.version++; });
    }

    function setupRun() {
      $("generate").addEventListener("click", () => start("generate"));
      $("render").addEventListener("click", () => start("render"));
      $("cancel").addEventListener("click", () => api("POST", "api/cancel"));
    }

    async function load() {
      setupDial(); setupFields(); setupPreview(); setupRun();
      const [scene, plan] = await Promise.all([api("GET", "api/scene"), api("GET", "api/plan")]);
      if (!plan.ok) { $("scene-error").textContent = plan.data.error; return; }
      state.scene = scene.data;
      state.plan = plan.data;
      state.picture.onload = () => drawPreview();
      state.picture.src = "api/image";
      $("picture").addEventListener("load", render);
      $("picture").src = "api/image";
      window.addEventListener("resize", render);
      connectEvents();
      render();
      document.body.dataset.ready = "true";
    }

    load();
    """#
}
