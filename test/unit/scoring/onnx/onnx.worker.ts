// The neural scorer's child process as the product builds it (dist/onnxWorker.js), built next to these tests.
import '../../../../src/core/scoring/onnx/onnxWorker';
