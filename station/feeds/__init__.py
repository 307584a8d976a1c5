"""Where parts come from: the camera (``camera``), the watched folder (``watched_folder``) and
the window-less runner over both (``headless``)."""
