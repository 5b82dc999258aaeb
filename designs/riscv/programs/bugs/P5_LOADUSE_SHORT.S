# P5_LOADUSE_SHORT.S: minimal program exposing bug P5_LOADUSE_SHORT (docs/BUG_CATALOGUE.md): an ALU instruction right after a load must see the loaded value.
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, 0x4000
  li t1, 7
  sw t1, 0(t0)
  lw t2, 0(t0)
  addi a0, t2, -7
  li a7, 93
  ecall
