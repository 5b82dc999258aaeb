# P5_WB_BYPASS.S: minimal program exposing bug P5_WB_BYPASS (docs/BUG_CATALOGUE.md): a reader three instructions after its producer must see the new value.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 9
  nop
  nop
  add t1, t0, zero
  addi a0, t1, -9
  li a7, 93
  ecall
