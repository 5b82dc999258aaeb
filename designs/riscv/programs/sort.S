# sort.S: a small whole program: fills an array from a linear congruential generator,
# insertion-sorts it in memory with nested loops and a helper call that uses the stack,
# then checks order, the sum and the xor against precomputed values; finally computes
# fib(12) recursively. Exercises mixed ALU/memory/branch traffic rather than one feature.
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
  li sp, 0x8000
  li s0, 0x5000
  li s1, 24
  li gp, 1
  li t0, 12345
  li t1, 1103515245
  li t2, 12345
  mv t3, s0
  li t4, 0
  li s2, 0
  li s3, 0
fill:
  mul t0, t0, t1
  add t0, t0, t2
  srli t5, t0, 16
  andi t5, t5, 0x7ff
  addi t5, t5, -1000
  sw t5, 0(t3)
  add s2, s2, t5
  xor s3, s3, t5
  addi t3, t3, 4
  addi t4, t4, 1
  blt t4, s1, fill
  mv a0, s0
  mv a1, s1
  call isort
  li gp, 2
  mv t3, s0
  li t4, 1
  lw t5, 0(t3)
  mv t6, t5
  li a2, 0
  mv a3, t5
check:
  lw a4, 4(t3)
  blt a4, t5, fail
  mv t5, a4
  add t6, t6, a4
  xor a3, a3, a4
  addi t3, t3, 4
  addi t4, t4, 1
  blt t4, s1, check
  li gp, 3
  bne t6, s2, fail
  li gp, 4
  bne a3, s3, fail
  li gp, 5
  li a0, 12
  call fib
  li t0, 144
  bne a0, t0, fail
  j pass

# isort(a0 = base, a1 = count): insertion sort of signed words
isort:
  addi sp, sp, -4
  sw ra, 0(sp)
  li t0, 1
outer:
  bge t0, a1, isort_done
  slli t1, t0, 2
  add t1, t1, a0
  lw t2, 0(t1)
inner:
  beq t1, a0, place
  lw t3, -4(t1)
  ble t3, t2, place
  sw t3, 0(t1)
  addi t1, t1, -4
  j inner
place:
  sw t2, 0(t1)
  addi t0, t0, 1
  j outer
isort_done:
  lw ra, 0(sp)
  addi sp, sp, 4
  ret

# fib(a0) recursively
fib:
  li t0, 2
  blt a0, t0, fib_base
  addi sp, sp, -12
  sw ra, 8(sp)
  sw a0, 4(sp)
  addi a0, a0, -1
  call fib
  sw a0, 0(sp)
  lw a0, 4(sp)
  addi a0, a0, -2
  call fib
  lw t1, 0(sp)
  add a0, a0, t1
  lw ra, 8(sp)
  addi sp, sp, 12
  ret
fib_base:
  ret

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
