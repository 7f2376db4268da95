"""What every app shares below the feature apps (see ../shared/DESIGN.md, "Layout")."""
