# flush.S: control hazards: the instructions behind a taken branch or jump (the slots a
# pipeline fetched before resolving it) must leave no trace: no register or memory write,
# no CSR write, no trap, no divider stall side effects. Also branches in a row and a jump
# into a jump.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li s0, 0x4000
  li a1, 0
  li a2, 0
  li a3, 0
  li gp, 1
  beq zero, zero, ok1
  addi a1, a1, 1
  addi a2, a2, 1
  addi a3, a3, 1
ok1:
  bnez a1, fail
  bnez a2, fail
  bnez a3, fail
  li gp, 2
  sw zero, 0(s0)
  li t0, 55
  j ok2
  sw t0, 0(s0)
  sw t0, 0(s0)
  sw t0, 0(s0)
ok2:
  lw t1, 0(s0)
  bnez t1, fail
  li gp, 3
  csrw mscratch, zero
  la t2, ok3
  jalr zero, 0(t2)
  csrw mscratch, t0
  csrw mscratch, t0
  csrw mscratch, t0
ok3:
  csrr t1, mscratch
  bnez t1, fail
  li gp, 4
  j ok4
  ecall
  .word 0
  ebreak
ok4:
  li gp, 5
  li t0, 100
  li t1, 7
  j ok5
  div a1, t0, t1
  div a2, t0, t1
  div a3, t0, t1
ok5:
  bnez a1, fail
  bnez a2, fail
  bnez a3, fail
  li gp, 6
  beq zero, zero, ok6
  beq zero, zero, fail
  j fail
  j fail
ok6:
  li gp, 7
  j ok7
  lw a1, 1(zero)
  sh a1, 1(zero)
  jalr zero, 2(zero)
ok7:
  li gp, 8
  li a1, 0
  j j8a
j8b:
  j ok8
  addi a1, a1, 1
  addi a1, a1, 1
j8a:
  j j8b
  addi a1, a1, 1
  addi a1, a1, 1
ok8:
  bnez a1, fail
  li gp, 9
  li t0, 3
  li a1, 0
loop9:
  addi t0, t0, -1
  bnez t0, loop9
  addi a1, a1, 1
  addi a1, a1, 1
  li t1, 2
  bne a1, t1, fail
  li gp, 10
  li t0, 5
  li t1, 5
  bne t0, t1, fail
  beq t0, t1, ok10
  addi a2, a2, 1
ok10:
  bnez a2, fail
  li gp, 11
  li a1, 0
  jal ra, f11
  addi a1, a1, 2
  li t0, 3
  bne a1, t0, fail
  li gp, 12
  li a1, 0
  li t0, 1
  bnez t0, ok12
  mret
  csrw mtvec, zero
  li a1, 9
ok12:
  bnez a1, fail
  csrr t0, mtvec
  li t1, 0x100
  bne t0, t1, fail
  j pass

f11:
  addi a1, a1, 1
  ret
  addi a1, a1, 10
  addi a1, a1, 10

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
