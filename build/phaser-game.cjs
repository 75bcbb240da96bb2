/**
 * The part of Phaser the game's map uses, as the `phaser` module of the built game (see
 * phaser-plugin.ts): Phaser's own namespaces minus physics, sound, tilemaps, curves,
 * actions, filters and DOM elements, and of its game objects only those the map draws
 * (images in containers) and the rectangle of the bench's hello world. A game object's
 * factory registers `scene.add.<name>` when it is loaded, so a game object not listed
 * here is not available: add it (object and factory) before the map uses it.
 * Each module below is Phaser's own, unchanged.
 */
require('../node_modules/phaser/src/polyfills/requestVideoFrame');

const CONST = require('../node_modules/phaser/src/const');
const Extend = require('../node_modules/phaser/src/utils/object/Extend');

const GameObjects = {
  Events: require('../node_modules/phaser/src/gameobjects/events'),
  DisplayList: require('../node_modules/phaser/src/gameobjects/DisplayList'),
  GameObjectCreator: require('../node_modules/phaser/src/gameobjects/GameObjectCreator'),
  GameObjectFactory: require('../node_modules/phaser/src/gameobjects/GameObjectFactory'),
  UpdateList: require('../node_modules/phaser/src/gameobjects/UpdateList'),
  Components: require('../node_modules/phaser/src/gameobjects/components'),
  GetCalcMatrix: require('../node_modules/phaser/src/gameobjects/GetCalcMatrix'),
  BuildGameObject: require('../node_modules/phaser/src/gameobjects/BuildGameObject'),
  GameObject: require('../node_modules/phaser/src/gameobjects/GameObject'),
  Container: require('../node_modules/phaser/src/gameobjects/container/Container'),
  Image: require('../node_modules/phaser/src/gameobjects/image/Image'),
  Shape: require('../node_modules/phaser/src/gameobjects/shape/Shape'),
  Rectangle: require('../node_modules/phaser/src/gameobjects/shape/rectangle/Rectangle'),
  Factories: {
    Container: require('../node_modules/phaser/src/gameobjects/container/ContainerFactory'),
    Image: require('../node_modules/phaser/src/gameobjects/image/ImageFactory'),
    Rectangle: require('../node_modules/phaser/src/gameobjects/shape/rectangle/RectangleFactory'),
  },
  Creators: {
    Container: require('../node_modules/phaser/src/gameobjects/container/ContainerCreator'),
    Image: require('../node_modules/phaser/src/gameobjects/image/ImageCreator'),
  },
};

const Phaser = Extend(
  false,
  {
    Animations: require('../node_modules/phaser/src/animations'),
    BlendModes: require('../node_modules/phaser/src/renderer/BlendModes'),
    Cache: require('../node_modules/phaser/src/cache'),
    Cameras: require('../node_modules/phaser/src/cameras'),
    Core: require('../node_modules/phaser/src/core'),
    Class: require('../node_modules/phaser/src/utils/Class'),
    Data: require('../node_modules/phaser/src/data'),
    Display: require('../node_modules/phaser/src/display'),
    Events: require('../node_modules/phaser/src/events'),
    Game: require('../node_modules/phaser/src/core/Game'),
    GameObjects,
    Geom: require('../node_modules/phaser/src/geom'),
    Input: require('../node_modules/phaser/src/input'),
    Loader: require('../node_modules/phaser/src/loader'),
    Math: require('../node_modules/phaser/src/math'),
    Plugins: require('../node_modules/phaser/src/plugins'),
    Renderer: require('../node_modules/phaser/src/renderer'),
    Scale: require('../node_modules/phaser/src/scale'),
    ScaleModes: require('../node_modules/phaser/src/renderer/ScaleModes'),
    Scene: require('../node_modules/phaser/src/scene/Scene'),
    Scenes: require('../node_modules/phaser/src/scene'),
    Structs: require('../node_modules/phaser/src/structs'),
    Textures: require('../node_modules/phaser/src/textures'),
    Time: require('../node_modules/phaser/src/time'),
    TintModes: require('../node_modules/phaser/src/renderer/TintModes'),
    Tweens: require('../node_modules/phaser/src/tweens'),
    Utils: require('../node_modules/phaser/src/utils'),
  },
  CONST,
);

module.exports = Phaser;
globalThis.Phaser = Phaser;
