# P5_DIV_BY_ZERO.S: minimal program exposing bug P5_DIV_BY_ZERO (docs/BUG_CATALOGUE.md): DIV of a negative number by zero must give -1.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, -5
  div t1, t0, zero
  addi a0, t1, 1
  li a7, 93
  ecall
