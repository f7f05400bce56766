/// The studio's one page. Test hooks: `data-boundary="i"` on each boundary handle,
/// `data-control="direction"` on the dial, `data-view="preview"` on the preview canvas.
enum StudioPage {
    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>parallax studio</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="studio.css">
    </head>
    <body>
    <header>
      <h1>parallax studio</h1>
      <span id="summary"></span>
      <span id="message" role="status"></span>
    </header>
    <main>
      <section id="see" aria-label="See and shape">
        <h2>See · drag a boundary</h2>
        <div id="stage">
          <img id="picture" alt="the project's picture">
          <canvas id="overlay"></canvas>
          <div id="handles"></div>
        </div>
      </section>
      <section id="shape" aria-label="Shape">
        <h2>Shape</h2>
        <div class="dial-row">
          <svg id="dial" data-control="direction" viewBox="-50 -50 100 100" width="104" height="104"
               role="slider" aria-label="direction in degrees">
            <circle r="46"></circle>
            <text x="36" y="4">0</text><text x="-5" y="-34">90</text>
            <text x="-45" y="4">180</text><text x="-9" y="42">270</text>
            <line id="needle" x1="0" y1="0" x2="40" y2="0"></line>
          </svg>
          <div class="fields">
            <label>direction <input id="direction" type="number" step="any" min="0" max="360"></label>
            <label>step shift <input id="stepShift" type="number" step="any" min="0"></label>
            <label>steps/s <input id="stepsPerSecond" type="text"></label>
            <label>fps <input id="fps" type="text"></label>
            <label>steps <input id="steps" type="number" min="1" placeholder="auto"></label>
          </div>
        </div>
        <table id="layers">
          <thead><tr><th>layer</th><th>depth</th><th>value</th><th>dir.</th><th>rows</th><th></th></tr></thead>
          <tbody></tbody>
        </table>
        <div class="buttons">
          <button id="undo" disabled>Undo</button>
          <label><input id="snap" type="checkbox"> follow the picture's edges where a boundary is dropped</label>
        </div>
        <p id="scene-error" class="error" role="alert"></p>
      </section>
      <section id="preview-section" aria-label="Preview">
        <h2>Preview</h2>
        <canvas id="preview" data-view="preview"></canvas>
        <div class="controls">
          <button id="play">Play</button>
          <input id="scrub" type="range" min="0" max="1000" value="0" aria-label="time">
          <span id="clock"></span>
          <select id="source" aria-label="what the preview shows">
            <option value="input">input image</option>
            <option value="steps">step images</option>
          </select>
        </div>
      </section>
      <section id="run" aria-label="Run">
        <h2>Run</h2>
        <div class="buttons">
          <button id="generate">Generate</button>
          <label><input id="restart" type="checkbox"> from step 0</label>
          <button id="render">Render</button>
          <button id="cancel" disabled>Cancel</button>
        </div>
        <div class="progress-row"><progress id="progress" max="1" value="0"></progress>
          <span id="progress-text">idle</span></div>
        <div id="thumbs"></div>
        <div id="results">
          <video id="video" controls muted loop hidden></video>
          <img id="sheet" alt="contact sheet" hidden>
        </div>
        <pre id="log"></pre>
      </section>
    </main>
    <script src="studio.js"></script>
    </body>
    </html>
    """#
}
