# P5_FWD_PRIORITY.S: minimal program exposing bug P5_FWD_PRIORITY (docs/BUG_CATALOGUE.md): with two writers of t0 in MEM and WB, the reader must get the younger (MEM) value.
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
  li t0, 2
  add a0, t0, zero
  addi a0, a0, -2
  li a7, 93
  ecall
