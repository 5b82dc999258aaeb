# P5_DIV_STALE_OPERAND.S: minimal program exposing bug P5_DIV_STALE_OPERAND (docs/BUG_CATALOGUE.md): a DIV whose dividend was written by the previous instruction must use that value for the whole divide (-6 / 3 = -2).
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t1, 3
  li t0, -6
  div t2, t0, t1
  addi a0, t2, 2
  li a7, 93
  ecall
