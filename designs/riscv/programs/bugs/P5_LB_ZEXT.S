# P5_LB_ZEXT.S: minimal program exposing bug P5_LB_ZEXT (docs/BUG_CATALOGUE.md): LB must sign-extend 0x80 to -128.
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
  li t1, 0x80
  sb t1, 0(t0)
  lb t2, 0(t0)
  addi a0, t2, 128
  li a7, 93
  ecall
