// The 3D globe of `rampart serve` (globe.html): CesiumJS replaying
// /results/scenario.czml (docs/formats.md) over the Natural Earth II imagery
// that Cesium bundles. Nothing comes from Cesium ion or any other server:
// no ion imagery or terrain, no geocoder, no base-layer picker.
//
// `?light=1` is for tests and slow machines (software WebGL draws about one
// frame a second on two cores): render on request only, half resolution, no
// sky, atmosphere, fog or lighting, no animation and timeline widgets.
// `window.rampartGlobe` tells tests what was loaded and where the clock is.

const params = new URLSearchParams(window.location.search);
const light = params.get('light') === '1';

const state = {
  ready: false,
  error: null,
  light,
  viewer: null,
  entityIds: () => (state.viewer ? state.viewer.dataSources.get(0)?.entities.values.map((e) => e.id) ?? [] : []),
  /** Seconds of the clock since the start of the CZML's interval. */
  clockSeconds: () => {
    const clock = state.viewer.clock;
    return Cesium.JulianDate.secondsDifference(clock.currentTime, clock.startTime);
  },
  tilesLoaded: () => state.viewer.scene.globe.tilesLoaded,
  /** Resolves after the next frame was rendered. */
  renderOnce: () => new Promise((resolve) => {
    const scene = state.viewer.scene;
    const remove = scene.postRender.addEventListener(() => {
      remove();
      resolve();
    });
    scene.requestRender();
  }),
};
window.rampartGlobe = state;

const status = (text) => { document.getElementById('status').textContent = text; };

async function main() {
  const imagery = Cesium.TileMapServiceImageryProvider.fromUrl(
    Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'));
  const viewer = new Cesium.Viewer('globe-container', {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(imagery),
    baseLayerPicker: false,
    geocoder: false,
    homeButton: !light,
    sceneModePicker: !light,
    navigationHelpButton: false,
    fullscreenButton: false,
    infoBox: !light,
    selectionIndicator: !light,
    animation: !light,
    timeline: !light,
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    skyBox: light ? false : undefined,
    skyAtmosphere: light ? false : undefined,
    requestRenderMode: light,
    // In light mode a frame is drawn when the scene changes or the clock has
    // moved 30 s of scenario time (3 s of wall time at the CZML's 10x).
    maximumRenderTimeChange: light ? 30 : 0,
    shouldAnimate: true,
    msaaSamples: light ? 1 : 4,
  });
  state.viewer = viewer;
  const scene = viewer.scene;
  if (light) {
    viewer.resolutionScale = 0.5;
    scene.fog.enabled = false;
    scene.globe.showGroundAtmosphere = false;
    scene.globe.enableLighting = false;
    scene.postProcessStages.fxaa.enabled = false;
    if (scene.sun) scene.sun.show = false;
    if (scene.moon) scene.moon.show = false;
    scene.globe.maximumScreenSpaceError = 4;
  }

  let dataSource = null;
  const response = await fetch('results/scenario.czml', { method: 'HEAD' });
  if (response.ok) {
    dataSource = await Cesium.CzmlDataSource.load('results/scenario.czml');
    await viewer.dataSources.add(dataSource);
    viewer.clockTrackedDataSource = dataSource;
    // Keep the clock running: the CZML starts at its interval's start, 10x.
    viewer.clock.shouldAnimate = true;
    await viewer.zoomTo(dataSource);
    status(`scenario.czml: ${dataSource.entities.values.length} entities`);
  } else {
    status('no scenario.czml in the served folder (rampart run writes one)');
  }
  state.ready = true;
  document.body.dataset.ready = '1';
}

main().catch((error) => {
  state.error = String(error && error.stack ? error.stack : error);
  status(`error: ${error.message || error}`);
  document.body.dataset.ready = 'error';
});
