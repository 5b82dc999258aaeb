module TopModule(input [7:0] data, output reg [8:0] word);
  integer i;
  reg p;
  always @* begin
    p = 1'b0;
    for (i = 0; i < 7; i = i + 1)
      p = p ^ data[i];
    word = {p, data};
  end
endmodule
