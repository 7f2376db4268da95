"""Vietnamese text helpers in pure Python: nothing here imports Django or any app."""
