"""The inspection station application: command line, Qt start-up, worker thread, history."""
