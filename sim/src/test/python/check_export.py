"""Loads every array `tools export` wrote with numpy and reports them as JSON, for ExportNumpyTest.

Usage: python3 check_export.py DIR
Checks each array's shape and dtype against index.json, then prints a few values the Java test
compares with its own decoding of the recording.
"""
import json
import sys

import numpy as np

d = sys.argv[1]
index = json.load(open(d + "/index.json"))
shapes = {}
for topic, ch in index["channels"].items():
    for field, a in ch["arrays"].items():
        x = np.load(d + "/" + a["file"])
        if list(x.shape) != a["shape"] or x.dtype != np.dtype(a["dtype"]):
            sys.exit("%s: shape %s dtype %s, index says %s %s" % (a["file"], x.shape, x.dtype, a["shape"], a["dtype"]))
        shapes[a["file"]] = list(x.shape)
camera = np.load(d + "/camera.data.npy")
audio = np.load(d + "/audio.data.npy")
print(json.dumps({
    "arrays": len(shapes),
    "shapes": shapes,
    "camera_rate_hz": index["channels"]["/camera"]["rate_hz"],
    "camera_frame0_sum": int(camera[0].astype(np.int64).sum()),
    "audio_37_first4": [int(v) for v in audio[37].reshape(-1)[:4]],
    "battery_v_5": float(np.load(d + "/body.battery_v.npy")[5]),
    "position_9": [int(v) for v in np.load(d + "/body.position_counts.npy")[9]],
    "touch_dtype": str(np.load(d + "/body.touch.npy").dtype),
    "sheet_error_42_sum": float(np.load(d + "/sheet.error.data.npy")[42].astype(np.float64).sum()),
}))
