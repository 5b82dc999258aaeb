# P5_STALL_HOLD_OPERAND.S: minimal program exposing bug P5_STALL_HOLD_OPERAND (docs/BUG_CATALOGUE.md): a consumer stalled behind a load must still see the value written back during the stall by the instruction before the load.
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
  li t1, 5
  sw t1, 0(t0)
  li t3, 1
  li t3, 100
  lw t2, 0(t0)
  add t4, t2, t3
  addi a0, t4, -105
  li a7, 93
  ecall
