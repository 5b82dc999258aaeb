# P5_MTVEC_LATE.S: minimal program exposing bug P5_MTVEC_LATE (docs/BUG_CATALOGUE.md): a trap right after a write to mtvec must go to the new vector.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
old_vector:            # the reset mtvec: reached only through the stale vector
  li a0, 77
  li a7, 93
  ecall
start:
  la t0, new_vector
  csrw mtvec, t0
  .word 0xffffffff     # illegal, right after the write
  li a0, 55
  li a7, 93
  ecall
new_vector:
  li a0, 0
  li a7, 93
  ecall
