"""What `check` and `audit` share: collecting files, jobs and workers, the cache,
narrowing findings (baseline, diff) and writing output."""
