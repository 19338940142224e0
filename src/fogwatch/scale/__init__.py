"""Scaling out: the pipeline on a Dask cluster (`scale.dask`), the store written by one process."""
