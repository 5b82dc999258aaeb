# P5_DIV_OVERFLOW.S: minimal program exposing bug P5_DIV_OVERFLOW (docs/BUG_CATALOGUE.md): DIV -2^31 / -1 must give -2^31.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 0x80000000
  li t1, -1
  div t2, t0, t1
  sub a0, t2, t0
  li a7, 93
  ecall
