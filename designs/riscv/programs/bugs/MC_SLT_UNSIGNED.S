# MC_SLT_UNSIGNED.S: minimal program exposing bug MC_SLT_UNSIGNED (docs/BUG_CATALOGUE.md): SLT must compare signed (1 < -1 is false).
# Passes (a0 = 0) on the bug-free cores. Convention: docs/CORE_ADAPTER.md.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li t0, -1
  li t1, 1
  slt a0, t1, t0
  li a7, 93
  ecall
