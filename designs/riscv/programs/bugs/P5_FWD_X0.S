# P5_FWD_X0.S: minimal program exposing bug P5_FWD_X0 (docs/BUG_CATALOGUE.md): writing x0 must not forward a value to a following reader of x0.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t1, 9
  addi zero, t1, 0
  add a0, zero, zero
  lui t2, 0          # not nop: nop reads x0 and would pass the value on
  lui t2, 0
  li a7, 93
  ecall
