# P5_SHIFT_6BIT.S: minimal program exposing bug P5_SHIFT_6BIT (docs/BUG_CATALOGUE.md): SLL by a register holding 33 must shift by 1 (only 5 bits count).
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 1
  li t1, 33
  sll t2, t0, t1
  addi a0, t2, -2
  li a7, 93
  ecall
