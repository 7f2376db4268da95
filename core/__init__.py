"""What every app shares, below the feature apps (DESIGN.md: vietnamese → core → apps → lantoa).

Not an installed app: it holds no models, templates or migrations yet, only modules.
"""
