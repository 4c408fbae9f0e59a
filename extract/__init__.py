"""The extract stage. Numerical libraries use one thread per process: the pipeline parallelises by
document across worker processes, and BLAS threads spinning beside them made two workers slower
than one. Set before numpy is first imported anywhere in the process."""

import os as _os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")
