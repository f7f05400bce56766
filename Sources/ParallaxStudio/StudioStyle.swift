/// The page's stylesheet.
enum StudioStyle {
    static let source = #"""
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #16181d; color: #e6e6e6; }
    header { display: flex; gap: 1.5em; align-items: baseline; padding: 8px 16px; background: #0e0f12; }
    h1 { font-size: 18px; margin: 0; }
    h2 { font-size: 14px; margin: 0 0 6px; color: #9fb4d0; text-transform: uppercase; letter-spacing: .05em; }
    main { display: grid; grid-template-columns: minmax(320px, 720px) minmax(300px, 1fr); gap: 12px; padding: 12px; }
    section { background: #1f2229; border-radius: 6px; padding: 10px; min-width: 0; }
    #shape { overflow-x: auto; }
    #stage { position: relative; user-select: none; }
    #picture { display: block; width: 100%; height: auto; }
    #overlay { position: absolute; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none; }
    #handles { position: absolute; inset: 0; }
    .handle { position: absolute; left: 0; width: 100%; height: 12px; margin-top: -6px; cursor: ns-resize;
              background: rgba(255, 214, 10, .18); border-top: 1px dashed rgba(255, 214, 10, .9); }
    .handle:hover, .handle.dragging { background: rgba(255, 214, 10, .4); }
    .dial-row { display: flex; gap: 12px; align-items: center; }
    #dial { cursor: crosshair; touch-action: none; }
    #dial circle { fill: #2b2f38; stroke: #9fb4d0; }
    #dial line { stroke: #ffd60a; stroke-width: 4; stroke-linecap: round; }
    #dial text { fill: #9fb4d0; font-size: 9px; }
    .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 10px; }
    .fields label { display: flex; justify-content: space-between; gap: 6px; }
    input, select, button { font: inherit; }
    input[type=number], input[type=text] { width: 6.5em; }
    table { border-collapse: collapse; margin-top: 8px; width: 100%; }
    td, th { padding: 2px 4px; text-align: left; }
    td input { width: 5.5em; }
    .error { color: #ff8080; min-height: 1.4em; }
    #preview { display: block; max-width: 100%; background: #000; }
    .controls { display: flex; gap: 8px; align-items: center; margin-top: 6px; }
    #scrub { flex: 1; }
    .buttons { display: flex; gap: 8px; align-items: center; margin-top: 6px; }
    .progress-row { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
    #progress { flex: 1; }
    #thumbs { display: flex; flex-wrap: wrap; gap: 4px; }
    #thumbs img { height: 48px; border: 1px solid #444; }
    #results video, #results img { display: block; max-width: 100%; margin-top: 8px; }
    #results [hidden] { display: none; }
    #log { max-height: 8em; overflow: auto; font-size: 12px; color: #aaa; white-space: pre-wrap; }
    """#
}
