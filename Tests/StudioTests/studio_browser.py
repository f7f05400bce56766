"""Drives the studio page in headless Chromium (Debian's chromium and chromium-driver).

Usage: studio_browser.py ADDRESS PROJECT SCREENSHOT_DIR
Run by StudioBrowserTests.swift against a studio it started; exits non-zero on the first failure.
"""
import base64
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

address, project, shots = sys.argv[1], sys.argv[2], sys.argv[3]
scene_path = os.path.join(project, "scene.json")
checks = []


driver = None


def check(condition, what):
    if not condition:
        page = ""
        if driver is not None:
            page = driver.execute_script(
                "return ' (page says: ' + document.getElementById('message').textContent + ' | '"
                " + document.getElementById('scene-error').textContent + ')'")
        print(f"studio browser test: FAILED: {what}{page}", flush=True)
        sys.exit(1)
    checks.append(what)


def scene():
    with open(scene_path) as handle:
        return json.load(handle)


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    check(False, f"{what} within {seconds} s")


def settle(driver):
    """Waits until the page has no save under way (it redraws its handles after each)."""
    wait_for(lambda: driver.execute_script("return window.studio.pending === 0"), 10, "the page settles")


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1000", "--hide-scrollbars",
                 "--force-device-scale-factor=0.6"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(address)
    wait_for(lambda: driver.execute_script("return document.body.dataset.ready === 'true'"), 20, "the page loads")
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, '[data-boundary="0"]'), 20, "boundary handles appear")
    errors = console_errors(driver)
    check(not errors, f"no console errors on open (got {errors})")
    driver.find_element(By.ID, "see").screenshot(os.path.join(shots, "studio-see.png"))

    # Drag boundary 0 down by 40 px: the first layer grows by 40 px scaled to image rows.
    before = scene()["layers"][0]["height"]
    shown = driver.execute_script("return document.getElementById('picture').clientHeight")
    rows = round(40 * driver.execute_script("return window.studio.plan.height") / shown)
    handle = driver.find_element(By.CSS_SELECTOR, '[data-boundary="0"]')
    ActionChains(driver).click_and_hold(handle).move_by_offset(0, 20).move_by_offset(0, 20).release().perform()
    wait_for(lambda: scene()["layers"][0]["height"] != before, 10, "scene.json changes after the drag")
    check(scene()["layers"][0]["height"] == before + rows,
          f"first layer grew by {rows} rows ({before} -> {scene()['layers'][0]['height']})")
    settle(driver)

    # Drag boundary 1 (a contour) up by 20 px: every column of it moves by the same rows.
    contour = scene()["layers"][2]["boundary"]
    hills = scene()["layers"][1]["height"]
    lift = round(-20 * driver.execute_script("return window.studio.plan.height") / shown)
    handle = driver.find_element(By.CSS_SELECTOR, '[data-boundary="1"]')
    ActionChains(driver).click_and_hold(handle).move_by_offset(0, -10).move_by_offset(0, -10).release().perform()
    wait_for(lambda: scene()["layers"][2]["boundary"] != contour, 10, "the contour moves after the drag")
    check(scene()["layers"][2]["boundary"] == [row + lift for row in contour],
          f"every column of the contour moved by {lift} rows")
    check(scene()["layers"][1]["height"] == hills + lift, "the layer above the contour follows it")
    settle(driver)

    errors = console_errors(driver)
    check(not errors, f"no console errors while dragging (got {errors})")

    # Direction from the dial: a click right of its centre is 0 degrees, left of it 180. The
    # scene has a contour, and the validator allows a contour scene only 0 or 180: a click
    # above the centre (90) is refused inline with the CLI's message and nothing is written.
    dial = driver.find_element(By.CSS_SELECTOR, '[data-control="direction"]')
    ActionChains(driver).move_to_element_with_offset(dial, 40, 0).click().perform()
    wait_for(lambda: scene()["direction"] == 0, 10, "direction 0 saved")
    settle(driver)
    ActionChains(driver).move_to_element_with_offset(dial, -40, 0).click().perform()
    wait_for(lambda: scene()["direction"] == 180, 10, "direction 180 saved")
    settle(driver)
    check(True, "direction set from the dial and saved")
    saved = open(scene_path).read()
    ActionChains(driver).move_to_element_with_offset(dial, 0, -40).click().perform()
    settle(driver)
    wait_for(lambda: "direction" in driver.find_element(By.ID, "scene-error").text, 10,
             "an inline error for direction 90 in a contour scene")
    check(open(scene_path).read() == saved, "the refused direction leaves scene.json as it was")
    errors = [e for e in console_errors(driver) if "status of 422" not in e["message"]]
    check(not errors, f"no console errors but the refused PUT's 422 (got {errors})")
    driver.find_element(By.ID, "shape").screenshot(os.path.join(shots, "studio-shape.png"))

    # Undo puts the previous scenes back (direction 0, then the original 180).
    driver.find_element(By.ID, "undo").click()
    wait_for(lambda: scene()["direction"] == 0, 10, "undo restores direction 0")
    settle(driver)
    driver.find_element(By.ID, "undo").click()
    wait_for(lambda: scene()["direction"] == 180, 10, "undo restores direction 180")
    settle(driver)

    # A refused edit shows the validator's line inline and leaves scene.json alone. Chromium logs
    # the 422 answer itself as a console error: the only one allowed, checked just below.
    saved = open(scene_path).read()
    field = driver.find_element(By.ID, "stepShift")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("-3\n")
    wait_for(lambda: driver.find_element(By.ID, "scene-error").text, 10, "an inline error for stepShift -3")
    check("stepShift" in driver.find_element(By.ID, "scene-error").text, "the error names stepShift")
    check(open(scene_path).read() == saved, "a refused edit leaves scene.json as it was")
    errors = [e for e in console_errors(driver) if "status of 422" not in e["message"]]
    check(not errors, f"no console errors but the refused PUT's 422 (got {errors})")

    # The preview canvas differs between two moments.
    preview = driver.find_element(By.CSS_SELECTOR, '[data-view="preview"]')
    seek = ("const s = document.getElementById('scrub'); s.value = arguments[0];"
            "s.dispatchEvent(new Event('input')); return arguments[1].toDataURL();")
    first = driver.execute_script(seek, "0", preview)
    second = driver.execute_script(seek, "500", preview)
    check(first != second, "the preview changes between t=0 and half way")
    driver.find_element(By.ID, "preview-section").screenshot(os.path.join(shots, "studio-preview.png"))

    # Generate: progress events, one thumbnail per step, a finished journal.
    driver.find_element(By.ID, "generate").click()
    job = wait_for(lambda: driver.execute_script(
        "const j = window.studio.lastJob; return j && j.kind === 'generate' && j.state !== 'started' ? j : null"),
        300, "the generate ends")
    check(job["state"] == "finished", f"generate finished ({job})")
    counts = driver.execute_script("return window.studio.counts")
    steps = driver.execute_script("return window.studio.plan.steps")
    check(counts["progress"] > 0, f"progress events arrived ({counts})")
    check(counts["step"] == steps, f"one step event per step ({counts}, {steps} steps)")
    with open(os.path.join(project, "journal.jsonl")) as handle:
        journal = [json.loads(line) for line in handle if line.strip()]
    check([entry["step"] for entry in journal] == list(range(1, steps + 1)), "the journal lists every step")
    thumbs = len(driver.find_elements(By.CSS_SELECTOR, "#thumbs img"))
    check(thumbs == steps, f"{steps} thumbnails shown ({thumbs})")

    # Render: the video plays in the page and the contact sheet shows.
    driver.find_element(By.ID, "render").click()
    job = wait_for(lambda: driver.execute_script(
        "const j = window.studio.lastJob; return j && j.kind === 'render' && j.state !== 'started' ? j : null"),
        300, "the render ends")
    check(job["state"] == "finished", f"render finished ({job})")
    wait_for(lambda: driver.execute_script(
        "const s = document.getElementById('sheet'); return !s.hidden && s.complete && s.naturalWidth > 0"),
        20, "the contact sheet shows")
    wait_for(lambda: driver.execute_script("return document.getElementById('video').readyState >= 2"),
             20, "the video loads in the page")
    driver.execute_script("document.getElementById('source').value = 'steps';"
                          "const s = document.getElementById('scrub'); s.value = '400'; s.dispatchEvent(new Event('input'));")
    time.sleep(1)
    driver.find_element(By.ID, "run").screenshot(os.path.join(shots, "studio-run.png"))
    driver.find_element(By.ID, "preview-section").screenshot(os.path.join(shots, "studio-preview-steps.png"))
    driver.set_window_size(1280, 1500)
    driver.save_screenshot(os.path.join(shots, "studio-page.png"))

    errors = console_errors(driver)
    check(not errors, f"no console errors at the end (got {errors})")
finally:
    driver.quit()

print(f"studio browser test: {len(checks)} passed, 0 failed", flush=True)
